package org.equitymark.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.function.Predicate;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP Basic for the Stage 4 staff API under paths that also hold public endpoints, which servlet
 * URL patterns cannot tell apart: {@code POST /api/certificates/{n}/revocation} (while
 * {@code GET /api/certificates/{n}} stays public), the reports, framework drafts
 * ({@code /api/framework/versions/*}, while {@code GET /api/framework} and reading a published version without
 * credentials stay public), and the feedback list and triage
 * (while {@code POST /api/feedback/{certificateNumber}} stays public). Missing or wrong credentials
 * get 401 with {@code WWW-Authenticate: Basic}; each controller answers 403 to an authenticated user
 * who is not a scheme manager.
 */
@Configuration
class StaffApiAuthenticationConfiguration {

  static final Predicate<HttpServletRequest> STAFF_ONLY = request -> {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/api/reports")) {
      return true;
    }
    if (path.startsWith("/api/framework/versions")) {
      // a published version is public: reading one without credentials is no staff call
      return !"GET".equals(request.getMethod()) || request.getHeader("Authorization") != null;
    }
    if (path.startsWith("/api/certificates/")) {
      return path.endsWith("/revocation");
    }
    if (path.equals("/api/feedback") || path.startsWith("/api/feedback/")) {
      boolean publicPost = "POST".equals(request.getMethod()) && path.matches("/api/feedback/EM-[0-9]{4}-[0-9]{5}");
      return !publicPost;
    }
    return false;
  };

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> staffApiAuthentication() {
    var registration = new FilterRegistrationBean<ProcessEngineAuthenticationFilter>(new SelectiveFilter(STAFF_ONLY));
    registration.setName("equitymark-staff-api-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/api/reports", "/api/reports/*", "/api/certificates/*", "/api/feedback",
        "/api/feedback/*", "/api/framework/*");
    return registration;
  }

  /** Authenticates the requests the predicate selects; lets the others through. */
  static final class SelectiveFilter extends ProcessEngineAuthenticationFilter {

    private final Predicate<HttpServletRequest> selects;

    SelectiveFilter(Predicate<HttpServletRequest> selects) {
      this.selects = selects;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      if (request instanceof HttpServletRequest http && selects.test(http)) {
        super.doFilter(request, response, chain);
      } else {
        chain.doFilter(request, response);
      }
    }
  }
}
