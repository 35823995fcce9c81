package org.equitymark.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Times the named steps of one run, in milliseconds, keeping the order in which steps first appear. */
final class StepClock {

  private final Map<String, List<Double>> millis = new LinkedHashMap<>();

  <T> T time(String step, Supplier<T> work) {
    long start = System.nanoTime();
    T result = work.get();
    millis.computeIfAbsent(step, s -> new ArrayList<>()).add((System.nanoTime() - start) / 1_000_000.0);
    return result;
  }

  void time(String step, Runnable work) {
    time(step, () -> {
      work.run();
      return null;
    });
  }

  Map<String, List<Double>> samples() {
    return millis;
  }
}
