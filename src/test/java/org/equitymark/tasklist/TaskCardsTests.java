package org.equitymark.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equitymark.process.CertificationProcess.Elements.ASSESS_EVIDENCE;
import static org.equitymark.process.CertificationProcess.Elements.CONFIRM_PAYMENT;
import static org.equitymark.process.CertificationProcess.Elements.PROVIDE_CLARIFICATION;

import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.equitymark.engine.TaskDeadlines;
import org.equitymark.submission.AsWritten;
import org.equitymark.support.ProcessTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every task card names its case through task-local copies, and a task the scheme sets a deadline on
 * is due when the configuration says.
 */
class TaskCardsTests extends ProcessTestSupport {

  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  @Autowired TaskDeadlines taskDeadlines;

  @Test
  void shouldCopyTheCaseToTheTaskCardAndDueThePaymentWhenTheApplicationLapses() {
    // given
    ClockUtil.setCurrentTime(Date.from(NOW));
    Map<String, Object> registration = registration(uniqueEmail());
    registration.put("workplaceArea", "Acute Ward 7");

    // when
    ProcessInstance instance = register(newApplicant(), registration);
    runAsyncJobs();

    // then the payment's card carries the case's reference, organisation and area as its own variables
    Task payment = task(instance, CONFIRM_PAYMENT);
    Map<String, Object> card = new HashMap<>(taskService.getVariablesLocal(payment.getId()));
    card.remove(AsWritten.VARIABLE); // the people's text as written, for the form (AsWrittenTests)
    assertThat(card).containsOnly(
        Map.entry("cardReference", instance.getBusinessKey()),
        Map.entry("cardOrganisation", "Brookside Mental Health Services"),
        Map.entry("cardWorkplaceArea", "Acute Ward 7"),
        Map.entry("cardTargetLevel", "developing"));
    // and nothing was copied onto the case
    assertThat(runtimeService.getVariables(instance.getId())).doesNotContainKeys("cardReference", "cardOrganisation");
    // and it is due when the unpaid application lapses (equitymark.timers.payment-lapse, 60 days)
    assertThat(payment.getDueDate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(60))));
  }

  @Test
  void shouldDueTheAssessmentByTheConfiguredDeadlineWithItsCard() {
    // given a case whose self-assessment was found ready
    ProcessInstance instance = caseReadyForAssessment(newApplicant(), uniqueEmail(), "foundation",
        allIndicatorsUpTo("foundation"));
    ClockUtil.setCurrentTime(Date.from(NOW));

    // when the lead assessor's task is created again (a clarification round trip)
    complete(leadAssessor(instance), instance, ASSESS_EVIDENCE, assessment(true));
    runAsyncJobs();
    ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofDays(3))));
    complete(applicantOf(instance), instance, PROVIDE_CLARIFICATION,
        Map.of("clarificationResponse", "The minutes are attached."));
    runAsyncJobs();

    // then it is due 28 days (equitymark.task-deadlines.assessEvidence) after it opened again, and names the case
    Task assessment = task(instance, ASSESS_EVIDENCE);
    assertThat(assessment.getDueDate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(3 + 28))));
    assertThat(taskService.getVariableLocal(assessment.getId(), "cardReference")).isEqualTo(instance.getBusinessKey());
    assertThat(taskService.getVariableLocal(assessment.getId(), "cardOrganisation"))
        .isEqualTo("Brookside Mental Health Services");
  }

  @Test
  void shouldConfigureADeadlineForEachTaskThatAsksForOneAndNoOther() {
    Map<String, String> asked = new TreeMap<>();
    for (File model : new File("processes").listFiles((dir, name) -> name.endsWith(".bpmn"))) {
      for (UserTask task : Bpmn.readModelFromFile(model).getModelElementsByType(UserTask.class)) {
        String due = task.getCamundaDueDate();
        if (due != null && due.startsWith("${taskDeadlines.of(")) {
          assertThat(due).as(task.getId()).isEqualTo("${taskDeadlines.of('" + task.getId() + "')}");
          asked.put(task.getId(), taskDeadlines.of(task.getId()));
        }
      }
    }
    assertThat(asked).isEqualTo(new TreeMap<>(taskDeadlines.all()));
    assertThat(asked).containsKeys("reviewSelfAssessment", "assessEvidence", "moderateAssessment",
        "approveCertification", "reviewAppeal", "reviewAnnualReturn", "allocateAssessorsManually");
  }

  private String applicantOf(ProcessInstance instance) {
    return (String) runtimeService.getVariable(instance.getId(), "registeredBy");
  }
}
