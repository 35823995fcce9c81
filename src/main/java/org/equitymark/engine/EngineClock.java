package org.equitymark.engine;

import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** The engine's clock (which tests move) read as the scheme reads it: years in UTC. */
public final class EngineClock {

  private EngineClock() {
  }

  /** The current year in UTC by the engine's clock: the year of a new reference number. */
  public static int currentYear() {
    return ClockUtil.now().toInstant().atZone(ZoneOffset.UTC).getYear();
  }
}
