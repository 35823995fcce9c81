package org.equitymark.access;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP Basic authentication against Camunda's identity service for the engine REST API and our
 * own non-public API: without valid credentials, 401. The authenticated user's groups drive the
 * engine's authorization checks for the rest of the request.
 */
@Configuration
class RestAuthenticationConfiguration {

  static final String[] PROTECTED = {"/engine-rest/*", "/api/applications", "/api/applications/*",
      "/api/assessors", "/api/assessors/*"};

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthentication() {
    var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("equitymark-rest-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns(PROTECTED);
    return registration;
  }
}
