package org.equitymark.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * "Only this form's fields" rests on knowing which variables a completion wrote. That must hold
 * whatever the history level: below {@code full} the engine produces no variable history events.
 * (At {@code full}, the app's own level, every process test relies on it.)
 */
class SubmittedVariablesTests {

  private final SubmittedVariables submittedVariables = new SubmittedVariables();

  @ParameterizedTest
  @ValueSource(strings = {ProcessEngineConfiguration.HISTORY_NONE, ProcessEngineConfiguration.HISTORY_ACTIVITY})
  void shouldKnowWhatACompletionWroteAtAnyHistoryLevel(String historyLevel) {
    // given an engine at the history level, and a task whose end sees what its completion wrote
    AtomicReference<Set<String>> seen = new AtomicReference<>();
    ExecutionListener capture = execution -> seen.set(submittedVariables.inCurrentCommand());
    ProcessEngine engine = engine(historyLevel, capture);
    try {
      engine.getRepositoryService().createDeployment().addModelInstance("fill.bpmn",
          Bpmn.createExecutableProcess("fill").camundaHistoryTimeToLive(1).startEvent()
              .userTask("fillIn").camundaExecutionListenerDelegateExpression("end", "${capture}")
              .endEvent().done()).deploy();
      String instance = engine.getRuntimeService().startProcessInstanceByKey("fill",
          Map.of("kept", "already on the case", "resent", "the same value", "untouched", 1)).getId();
      String task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();

      // when a completion sends a new variable and one already there with the same value
      engine.getTaskService().complete(task, Map.of("added", "new", "resent", "the same value"));

      // then exactly those count as submitted
      assertThat(seen.get()).containsExactlyInAnyOrder("added", "resent");
    } finally {
      engine.close();
    }
  }

  private static ProcessEngine engine(String historyLevel, ExecutionListener capture) {
    var configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl("jdbc:h2:mem:submitted-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    configuration.setHistory(historyLevel);
    configuration.setJobExecutorActivate(false);
    configuration.setProcessEngineName("submitted-" + UUID.randomUUID());
    configuration.setBeans(Map.of("capture", capture));
    return configuration.buildProcessEngine();
  }
}
