package org.equitymark.certificate;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The public pages speak English or Welsh: {@code ?lang=cy} or {@code ?lang=en} first, then the
 * browser's {@code Accept-Language}, English otherwise. The choice lives in the request only (no
 * session, no cookie); the pages carry it on in their links.
 */
@Configuration
class PublicLocaleConfiguration implements WebMvcConfigurer {

  static final String LANGUAGE_PARAMETER = "lang";

  @Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
  LocaleResolver localeResolver() {
    return new EnglishOrWelsh();
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor languageParameter = new LocaleChangeInterceptor();
    languageParameter.setParamName(LANGUAGE_PARAMETER);
    languageParameter.setIgnoreInvalidLocale(true);
    registry.addInterceptor(languageParameter).addPathPatterns("/register", "/verify/**", "/feedback/**", "/apply", "/apply/**", "/reports", "/framework/drafts",
        "/error");
  }

  /** English or Welsh from the header, or as chosen for this request by the language parameter. */
  static final class EnglishOrWelsh extends AcceptHeaderLocaleResolver {

    private static final String CHOSEN = EnglishOrWelsh.class.getName() + ".chosen";

    EnglishOrWelsh() {
      setSupportedLocales(List.of(PageTexts.ENGLISH, PageTexts.WELSH));
      setDefaultLocale(PageTexts.ENGLISH);
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
      Object chosen = request.getAttribute(CHOSEN);
      return chosen instanceof Locale locale ? locale : super.resolveLocale(request);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
      boolean welsh = locale != null && PageTexts.WELSH.getLanguage().equals(locale.getLanguage());
      request.setAttribute(CHOSEN, welsh ? PageTexts.WELSH : PageTexts.ENGLISH);
    }
  }
}
