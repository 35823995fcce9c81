package org.equitymark.support.coverage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.community.process_test_coverage.core.model.Event;
import org.camunda.community.process_test_coverage.core.model.EventSource;
import org.camunda.community.process_test_coverage.core.model.EventType;
import org.camunda.community.process_test_coverage.core.model.Run;
import org.camunda.community.process_test_coverage.core.model.Suite;

/**
 * What the test JVM's process tests did to the models: for each test class (a suite) and test
 * method (a run), the flow nodes they passed and the sequence flows they took, once each. The engine
 * reports through {@link ProcessCoveragePlugin}, JUnit says which test runs through
 * {@link ProcessCoverageRuns}; {@code ProcessCoverageTests} reads it at the end of the suite. On when
 * the system property {@value #ENABLED} is true (Surefire's H2 run).
 */
public final class ProcessCoverage {

  public static final String ENABLED = "equitymark.test.process-coverage";

  private static final Map<String, Suite> SUITES = new LinkedHashMap<>();
  private static final Set<String> SEEN_IN_RUN = new HashSet<>();
  private static Run activeRun;

  private ProcessCoverage() {
  }

  public static boolean enabled() {
    return Boolean.getBoolean(ENABLED);
  }

  static synchronized void startRun(String testClass, String runId, String runName) {
    Suite suite = SUITES.computeIfAbsent(testClass, name -> new Suite(name, name));
    activeRun = new Run(runId, runName);
    suite.addRun(activeRun);
    SEEN_IN_RUN.clear();
  }

  static synchronized void endRun() {
    activeRun = null;
    SEEN_IN_RUN.clear();
  }

  /** A flow node passed or a sequence flow taken; outside a test method (context start-up) it is not counted. */
  static synchronized void record(String processKey, EventSource source, String elementId, String elementType) {
    if (activeRun != null && SEEN_IN_RUN.add(processKey + '/' + source + '/' + elementId)) {
      EventType type = source == EventSource.FLOW_NODE ? EventType.START : EventType.TAKE;
      activeRun.addEvent(new Event(source, type, elementId, elementType, processKey, System.currentTimeMillis() / 1000));
    }
  }

  public static synchronized List<Suite> suites() {
    return new ArrayList<>(SUITES.values());
  }
}
