package org.equitymark.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import org.equitymark.certificate.PageTexts;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The portal's language: {@code ?lang=cy} or {@code ?lang=en} when given (kept in the HTTP session
 * for the next pages), else the language of the case the page is about ({@code preferredLanguage}),
 * else the browser's ({@code Accept-Language}), English otherwise.
 */
@Component
class PortalLanguage implements HandlerInterceptor {

  static final String PARAMETER = "lang";
  private static final String CHOSEN = PortalLanguage.class.getName() + ".chosen";

  private final LocaleResolver localeResolver;

  PortalLanguage(LocaleResolver localeResolver) {
    this.localeResolver = localeResolver;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    String asked = request.getParameter(PARAMETER);
    HttpSession session = request.getSession(false);
    if ("cy".equals(asked) || "en".equals(asked)) {
      Locale chosen = locale(asked);
      localeResolver.setLocale(request, response, chosen);
      request.getSession(true).setAttribute(CHOSEN, asked);
    } else if (session != null && session.getAttribute(CHOSEN) instanceof String kept) {
      localeResolver.setLocale(request, response, locale(kept));
    }
    return true;
  }

  /** Speaks the case's preferred language on a page about the case, unless the person chose one. */
  void preferCase(HttpServletRequest request, HttpServletResponse response, String preferredLanguage) {
    HttpSession session = request.getSession(false);
    boolean chosen = request.getParameter(PARAMETER) != null || (session != null && session.getAttribute(CHOSEN) != null);
    if (!chosen && ("cy".equals(preferredLanguage) || "en".equals(preferredLanguage))) {
      localeResolver.setLocale(request, response, locale(preferredLanguage));
    }
  }

  private static Locale locale(String language) {
    return "cy".equals(language) ? PageTexts.WELSH : PageTexts.ENGLISH;
  }
}
