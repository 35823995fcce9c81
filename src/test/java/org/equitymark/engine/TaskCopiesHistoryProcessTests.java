package org.equitymark.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equitymark.process.CertificationProcess.Elements.CONFIRM_PAYMENT;

import java.util.Map;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.equitymark.submission.AsWritten;
import org.equitymark.support.ProcessTestSupport;
import org.equitymark.tasklist.TaskCard;
import org.junit.jupiter.api.Test;

/**
 * The history level is {@code full} for the case and what people submit, and keeps no history of a
 * task's own copies (its card's details, people's text as written): {@link FullHistoryWithoutTaskCopies}.
 */
class TaskCopiesHistoryProcessTests extends ProcessTestSupport {

  @Test
  void shouldKeepTheCasesHistoryAndNoneOfTheTasksCopies() {
    // given a case waiting for its payment, whose task carries its copies
    ProcessInstance instance = register(newApplicant(), registration(uniqueEmail()));
    runAsyncJobs();
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(CONFIRM_PAYMENT).singleResult();
    assertThat(taskService.getVariablesLocal(task.getId()))
        .containsKeys(AsWritten.VARIABLE, TaskCard.REFERENCE.name(), TaskCard.ORGANISATION.name());

    // when finance confirms the payment
    complete("finance1", instance, CONFIRM_PAYMENT, Map.of("paymentReceived", true, "paymentReference", "BACS 77"));

    // then what finance submitted and the case's variables have their history, the task's copies none
    var history = historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list();
    assertThat(history).extracting(HistoricVariableInstance::getName)
        .contains("paymentReference", "paymentReceived", "organisationName", "applicationReference")
        .doesNotContain(AsWritten.VARIABLE, TaskCard.REFERENCE.name(), TaskCard.ORGANISATION.name());
    assertThat(history).allSatisfy(variable -> assertThat(variable.getTaskId()).isNull());
    var details = historyService.createHistoricDetailQuery().processInstanceId(instance.getId()).variableUpdates()
        .list();
    assertThat(details).extracting(detail -> ((HistoricVariableUpdate) detail).getVariableName())
        .contains("paymentReference", "paymentReceived").doesNotContain(AsWritten.VARIABLE, TaskCard.REFERENCE.name());
    assertThat(details).allSatisfy(detail -> assertThat(detail.getTaskId()).isNull());
    HistoryLevel level = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel();
    assertThat(level).isInstanceOf(FullHistoryWithoutTaskCopies.class);
    assertThat(level.getId()).isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL.getId());
  }
}
