package org.equitymark.framework;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/** Loads the evidence framework at start-up and refuses to start with an invalid one. */
@Configuration
class FrameworkConfiguration {

  @Bean
  EvidenceFramework evidenceFramework(
      @Value("${equitymark.framework:classpath:framework/evidence-framework.json}") Resource file,
      ObjectMapper objectMapper) throws IOException {
    return load(file, objectMapper);
  }

  static EvidenceFramework load(Resource file, ObjectMapper objectMapper) throws IOException {
    try (InputStream in = file.getInputStream()) {
      EvidenceFramework framework = objectMapper.readValue(in, EvidenceFramework.class);
      var problems = framework.problems();
      if (!problems.isEmpty()) {
        throw new IllegalStateException("The evidence framework " + file.getDescription()
            + " is invalid: " + String.join("; ", problems));
      }
      return framework;
    }
  }
}
