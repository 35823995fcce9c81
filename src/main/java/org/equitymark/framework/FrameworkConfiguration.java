package org.equitymark.framework;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Loads the bundled versions of the evidence framework at start-up and refuses to start with an invalid one. */
@Configuration
class FrameworkConfiguration {

  @Bean
  BundledFrameworks bundledFrameworks(
      @Value("${equitymark.framework.bundled:classpath*:framework/evidence-framework*.json}") String pattern,
      ObjectMapper objectMapper) throws IOException {
    List<EvidenceFramework> versions = new ArrayList<>();
    for (Resource file : new PathMatchingResourcePatternResolver().getResources(pattern)) {
      versions.add(load(file, objectMapper));
    }
    return new BundledFrameworks(versions);
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
