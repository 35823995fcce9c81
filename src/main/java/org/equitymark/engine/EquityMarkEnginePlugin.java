package org.equitymark.engine;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.equitymark.submission.SubmittedVariables;
import org.springframework.stereotype.Component;

/**
 * Engine settings that cannot be written as properties: the history handler that lets task
 * listeners see which variables a completion submitted (beside, not instead of, the database
 * history).
 */
@Component
class EquityMarkEnginePlugin extends AbstractProcessEnginePlugin {

  private final SubmittedVariables submittedVariables;

  EquityMarkEnginePlugin(SubmittedVariables submittedVariables) {
    this.submittedVariables = submittedVariables;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    var handlers = new ArrayList<HistoryEventHandler>();
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    handlers.add(submittedVariables);
    configuration.setCustomHistoryEventHandlers(handlers);
    configuration.setEnableDefaultDbHistoryEventHandler(true);
  }
}
