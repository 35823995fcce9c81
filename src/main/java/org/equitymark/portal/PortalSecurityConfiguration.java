package org.equitymark.portal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Security of the applicant portal, and of nothing else: this chain matches {@code /portal/**} only,
 * so Camunda's webapps (their own login and CSRF), the engine REST API (HTTP Basic) and the public
 * pages keep their own rules. A session login against Camunda's identity service
 * ({@link CamundaPasswordAuthentication}), CSRF on every form (the token lives in the HTTP session),
 * and a logout that ends the session. Nothing else is kept in memory: docs/decisions/portal-sessions.md.
 */
@Configuration
@EnableWebSecurity
class PortalSecurityConfiguration {

  static final String LOGIN = "/portal/login";

  @Bean
  @Order(10)
  SecurityFilterChain portalSecurity(HttpSecurity http, CamundaPasswordAuthentication authentication) throws Exception {
    http.securityMatcher("/portal/**")
        .authenticationProvider(authentication)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(LOGIN, "/portal/css/**").permitAll()
            .anyRequest().hasAuthority(CamundaPasswordAuthentication.APPLICANT))
        .formLogin(login -> login
            .loginPage(LOGIN)
            .loginProcessingUrl(LOGIN)
            .usernameParameter("username")
            .passwordParameter("password")
            .defaultSuccessUrl("/portal/", true)
            .failureHandler(new LoginFailure()))
        .logout(logout -> logout
            .logoutUrl("/portal/logout")
            .logoutSuccessUrl(LOGIN + "?loggedOut")
            .deleteCookies("JSESSIONID"))
        .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(
                "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
        .requestCache(cache -> cache.disable());
    return http.build();
  }
}
