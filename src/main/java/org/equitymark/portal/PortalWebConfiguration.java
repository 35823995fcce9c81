package org.equitymark.portal;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The portal's interceptors: the language first, then the engine's acting user. */
@Configuration
class PortalWebConfiguration implements WebMvcConfigurer {

  private final PortalLanguage language;
  private final PortalUserInterceptor user;

  PortalWebConfiguration(PortalLanguage language, PortalUserInterceptor user) {
    this.language = language;
    this.user = user;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(language).addPathPatterns("/portal", "/portal/**");
    registry.addInterceptor(user).addPathPatterns("/portal", "/portal/**");
  }
}
