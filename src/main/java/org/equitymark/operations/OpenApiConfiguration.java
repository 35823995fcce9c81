package org.equitymark.operations;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of EquityMark's own endpoints ({@code /api/**}) at {@code /api-docs}, with
 * Swagger UI at {@code /swagger-ui.html}. Camunda's engine REST API has its own documentation.
 */
@Configuration
class OpenApiConfiguration {

  static final String BASIC = "basic";

  @Bean
  OpenAPI equityMarkApi() {
    return new OpenAPI()
        .info(new Info().title("EquityMark API").version("1")
            .description("Registration, appeals and the assessor pool (HTTP Basic with a Camunda user), "
                + "the evidence framework, the public register and certificate verification (no login)."))
        .components(new Components().addSecuritySchemes(BASIC,
            new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")));
  }
}
