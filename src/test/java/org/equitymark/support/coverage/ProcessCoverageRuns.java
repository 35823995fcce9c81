package org.equitymark.support.coverage;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/** Tells {@link ProcessCoverage} which test method runs (a JUnit listener, in META-INF/services). */
public class ProcessCoverageRuns implements TestExecutionListener {

  @Override
  public void executionStarted(TestIdentifier test) {
    if (ProcessCoverage.enabled() && test.isTest() && test.getSource().orElse(null) instanceof MethodSource method) {
      ProcessCoverage.startRun(method.getClassName(), test.getUniqueId(), method.getMethodName());
    }
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (ProcessCoverage.enabled() && test.isTest()) {
      ProcessCoverage.endRun();
    }
  }
}
