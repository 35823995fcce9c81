package org.equitymark.framework;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/** The shipped evidence framework for plain unit tests, loaded as the application loads it. */
public final class TestFrameworks {

  public static final String SHIPPED = "framework/evidence-framework.json";

  private TestFrameworks() {
  }

  public static EvidenceFramework shipped() {
    return load(new ClassPathResource(SHIPPED));
  }

  public static EvidenceFramework load(Resource file) {
    try {
      return FrameworkConfiguration.load(file, new ObjectMapper());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
