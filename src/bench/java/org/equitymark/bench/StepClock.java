package org.equitymark.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Times the named steps of one run, in milliseconds, and counts the engine's statements in each
 * ({@link StatementCounter}), keeping the order in which steps first appear.
 */
final class StepClock {

  private final Map<String, List<Double>> millis = new LinkedHashMap<>();
  private final Map<String, List<Double>> statements = new LinkedHashMap<>();
  private final Map<String, List<String>> firstNames = new LinkedHashMap<>();

  <T> T time(String step, Supplier<T> work) {
    long statementsBefore = StatementCounter.onThisThread();
    StatementCounter.namesSinceLastCall();
    long start = System.nanoTime();
    T result = work.get();
    double elapsed = (System.nanoTime() - start) / 1_000_000.0;
    List<String> names = StatementCounter.namesSinceLastCall();
    double count = StatementCounter.onThisThread() - statementsBefore;
    synchronized (this) {
      firstNames.putIfAbsent(step, names);
      millis.computeIfAbsent(step, s -> new ArrayList<>()).add(elapsed);
      statements.computeIfAbsent(step, s -> new ArrayList<>()).add(count);
    }
    return result;
  }

  void time(String step, Runnable work) {
    time(step, () -> {
      work.run();
      return null;
    });
  }

  synchronized Map<String, List<Double>> samples() {
    return millis;
  }

  /** The names of the engine's statements in the first run of each step (with {@code -Dbench.statementNames=true}). */
  Map<String, List<String>> statementNames() {
    return firstNames;
  }

  /** The engine's statements per step, one figure per time the step ran. */
  synchronized Map<String, List<Double>> statements() {
    return statements;
  }
}
