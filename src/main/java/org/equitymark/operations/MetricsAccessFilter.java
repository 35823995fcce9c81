package org.equitymark.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.equitymark.access.Groups;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /actuator/prometheus} is for scheme managers (and administrators): HTTP Basic against
 * Camunda's users, as the rest of our API. Prometheus scrapes with {@code basic_auth} of a
 * monitoring user in group {@code scheme-managers}. Health and info stay public.
 */
@Configuration
class MetricsAccessFilter {

  static final String PROMETHEUS = "/actuator/prometheus";

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> metricsAccess(IdentityService identityService) {
    var registration = new FilterRegistrationBean<OncePerRequestFilter>(new SchemeManagersOnly(identityService));
    registration.setName("equitymark-metrics-access");
    registration.addUrlPatterns(PROMETHEUS, PROMETHEUS + "/*");
    return registration;
  }

  static final class SchemeManagersOnly extends OncePerRequestFilter {

    private final IdentityService identityService;

    SchemeManagersOnly(IdentityService identityService) {
      this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String[] credentials = basicCredentials(request.getHeader("Authorization"));
      if (credentials == null || !identityService.checkPassword(credentials[0], credentials[1])) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"EquityMark metrics\"");
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        return;
      }
      boolean allowed = identityService.createGroupQuery().groupMember(credentials[0])
          .groupIdIn(Groups.SCHEME_MANAGERS, Groups.CAMUNDA_ADMIN).count() > 0;
      if (!allowed) {
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
        return;
      }
      chain.doFilter(request, response);
    }

    static String[] basicCredentials(String header) {
      if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
        return null;
      }
      try {
        String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon <= 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
  }
}
