package org.equitymark.framework;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/** The bundled evidence frameworks for plain unit tests and fixtures, loaded as the application loads them. */
public final class TestFrameworks {

  /** Version 1 (2026.1), which cases that started before 2026.2 keep. */
  public static final String SHIPPED = "framework/evidence-framework.json";

  private static final BundledFrameworks BUNDLED = bundled();

  private TestFrameworks() {
  }

  /** Version 1: the first framework the app shipped, 2026.1. */
  public static EvidenceFramework shipped() {
    return load(new ClassPathResource(SHIPPED));
  }

  /** The newest bundled version: what new cases record, unless a test published a later one. */
  public static EvidenceFramework latest() {
    return BUNDLED.latest();
  }

  public static BundledFrameworks all() {
    return BUNDLED;
  }

  public static EvidenceFramework load(Resource file) {
    try {
      return FrameworkConfiguration.load(file, new ObjectMapper());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BundledFrameworks bundled() {
    try {
      return new FrameworkConfiguration().bundledFrameworks("classpath*:framework/evidence-framework*.json",
          new ObjectMapper());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
