package org.equitymark.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;

/**
 * CSRF protection of the public forms ({@code POST /feedback/{n}}, {@code POST /apply} and what follows
 * from it; also the scheme managers' {@code POST /framework/drafts}), with no session, so that any node
 * of a cluster accepts a form another served: the
 * "double-submit" pattern. A page with a form sets a random token in a cookie (HttpOnly,
 * SameSite=Lax) and puts the same token in the form ({@code formToken}, in the model as
 * {@code formToken}); a POST is accepted only when the form's token equals the cookie's. Another site
 * can make a browser post, but can neither read nor set our cookie, so it cannot send the pair. A POST
 * without the pair answers 403 and changes nothing.
 */
@Configuration
public class PublicFormTokens implements WebMvcConfigurer {

  public static final String COOKIE = "em-form-token";
  public static final String PARAMETER = "formToken";
  /** The pages that show or receive a public form. */
  static final String[] PATHS = {"/verify/**", "/feedback/**", "/apply", "/apply/**", "/framework/drafts"};
  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final boolean secureCookie;

  PublicFormTokens(@Value("${camunda.bpm.webapp.session-cookie.secure-flag-enabled:false}") boolean secureCookie) {
    this.secureCookie = secureCookie;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new Interceptor()).addPathPatterns(PATHS);
  }

  /** Whether the request carries the same well-formed token in its form (or header) as in its cookie. */
  static boolean carriesToken(HttpServletRequest request) {
    String cookie = cookieToken(request);
    String sent = request.getParameter(PARAMETER);
    if (sent == null) {
      sent = request.getHeader("X-Form-Token");
    }
    return cookie != null && sent != null
        && MessageDigest.isEqual(cookie.getBytes(StandardCharsets.US_ASCII), sent.getBytes(StandardCharsets.US_ASCII));
  }

  private static String cookieToken(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return null;
    }
    return Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName())).map(Cookie::getValue)
        .filter(v -> v != null && WELL_FORMED.matcher(v).matches()).findFirst().orElse(null);
  }

  private final class Interceptor implements HandlerInterceptor {

    private static final String TOKEN = Interceptor.class.getName() + ".token";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
        throws Exception {
      if ("POST".equals(request.getMethod()) && !carriesToken(request)) {
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
        return false;
      }
      String token = cookieToken(request);
      if (token == null) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, token)
            .path(request.getContextPath().isEmpty() ? "/" : request.getContextPath())
            .httpOnly(true).secure(secureCookie).sameSite("Lax").build().toString());
      }
      request.setAttribute(TOKEN, token);
      return true;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
        ModelAndView modelAndView) {
      boolean redirect = modelAndView != null && (modelAndView.getView() instanceof RedirectView
          || String.valueOf(modelAndView.getViewName()).startsWith("redirect:"));
      // never on a redirect: its model becomes the query of the address
      if (modelAndView != null && !redirect && request.getAttribute(TOKEN) instanceof String token) {
        modelAndView.addObject(PARAMETER, token);
      }
    }
  }
}
