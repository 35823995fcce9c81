package org.equitymark.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When Camunda's history cleanup runs each day ({@code equitymark.history-cleanup.window}, e.g.
 * {@code 01:00-05:00}; empty: never). It removes the history of cases that ended longer ago than
 * their model's {@code historyTimeToLive} (the removal time the engine records when a case ends).
 * One job for the whole cluster, run by whichever node acquires it.
 */
@Component
class HistoryCleanupWindow extends AbstractProcessEnginePlugin {

  private static final Pattern WINDOW = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]");

  private final String start;
  private final String end;

  HistoryCleanupWindow(@Value("${equitymark.history-cleanup.window:}") String window) {
    if (window.isBlank()) {
      start = null;
      end = null;
      return;
    }
    Matcher matcher = WINDOW.matcher(window.strip());
    if (!matcher.matches()) {
      throw new IllegalArgumentException("equitymark.history-cleanup.window must be two times of day as HH:mm-HH:mm "
          + "(e.g. 01:00-05:00), or empty for no cleanup; was " + window);
    }
    String[] times = window.strip().split("-");
    start = times[0];
    end = times[1];
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (start != null) {
      configuration.setHistoryCleanupBatchWindowStartTime(start);
      configuration.setHistoryCleanupBatchWindowEndTime(end);
    }
  }
}
