package org.equitymark.support.coverage;

import java.util.Comparator;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * The test classes in JUnit's order, except that {@code ProcessCoverageTests} runs last, when every
 * other test has reported what it covered (junit-platform.properties).
 */
public class CoverageLast implements ClassOrderer {

  @Override
  public void orderClasses(ClassOrdererContext context) {
    context.getClassDescriptors().sort(Comparator.comparing(
        descriptor -> descriptor.getTestClass().getSimpleName().equals("ProcessCoverageTests")));
  }
}
