package org.equitymark.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.springframework.stereotype.Component;

/**
 * Engine settings that cannot be written as properties: refused submissions logged as one line
 * instead of an ERROR with a stack trace ({@link RefusalAwareCommandContextFactory}), history level
 * {@code full} without the history of task-local copies ({@link FullHistoryWithoutTaskCopies}), and the
 * XML datatype factory named for the timers.
 */
@Component
class EquityMarkEnginePlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    var commandContexts = new RefusalAwareCommandContextFactory();
    commandContexts.setProcessEngineConfiguration(configuration);
    configuration.setCommandContextFactory(commandContexts);
    List<HistoryLevel> levels = new ArrayList<>(Optional.ofNullable(configuration.getCustomHistoryLevels()).orElse(List.of()));
    levels.add(new FullHistoryWithoutTaskCopies());
    configuration.setCustomHistoryLevels(levels);
    // The engine's DurationHelper asks DatatypeFactory.newInstance() for every timer it schedules
    // or fires. Unless this system property names the implementation, that looks for a provider
    // through ServiceLoader, a scan of every jar on the classpath, each time; no jar of ours
    // provides one, so the scan ends at the JDK's default anyway. Set for the whole JVM, unless set.
    System.getProperties().putIfAbsent(DatatypeFactory.DATATYPEFACTORY_PROPERTY,
        DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
  }
}
