package org.equitymark.engine;

import java.util.ArrayList;
import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.equitymark.submission.SubmittedVariables;
import org.springframework.stereotype.Component;

/**
 * Engine settings that cannot be written as properties: the history handler that lets task
 * listeners see which variables a completion submitted (beside, not instead of, the database
 * history), and the XML datatype factory named for the timers.
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
    // The engine's DurationHelper asks DatatypeFactory.newInstance() for every timer it schedules
    // or fires. Unless this system property names the implementation, that looks for a provider
    // through ServiceLoader, a scan of every jar on the classpath, each time; no jar of ours
    // provides one, so the scan ends at the JDK's default anyway. Set for the whole JVM, unless set.
    System.getProperties().putIfAbsent(DatatypeFactory.DATATYPEFACTORY_PROPERTY,
        DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
  }
}
