package org.equitymark.appeal;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.equitymark.process.CertificationProcess.Elements.AGREE_ACTION_PLAN;
import static org.equitymark.process.CertificationProcess.Elements.ALLOCATE_ASSESSORS;
import static org.equitymark.process.CertificationProcess.Elements.APPROVE_CERTIFICATION;
import static org.equitymark.process.CertificationProcess.Elements.ASSESS_EVIDENCE;
import static org.equitymark.process.CertificationProcess.Elements.COMPLETE_SELF_ASSESSMENT;
import static org.equitymark.process.CertificationProcess.Elements.CONFIRM_PAYMENT;
import static org.equitymark.process.CertificationProcess.Elements.LODGE_APPEAL;
import static org.equitymark.process.CertificationProcess.Elements.PREPARE_REASSESSMENT;
import static org.equitymark.process.CertificationProcess.Elements.REVIEW_APPEAL;
import static org.equitymark.process.CertificationProcess.Elements.REVIEW_SELF_ASSESSMENT;

import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.json.SpinJsonNode;
import org.equitymark.process.CertificationProcess;
import org.equitymark.submission.InvalidSubmissionException;
import org.equitymark.support.ProcessTestSupport;
import org.equitymark.support.TestMailServer;
import org.junit.jupiter.api.Test;

/** Appeals within 28 days of the decision: lodged in Tasklist or by message, decided independently. */
class AppealProcessTests extends ProcessTestSupport {

  private static final String GROUNDS = "The assessor did not read the outcomes evidence we sent in round two.";

  @Test
  void shouldReassessWithADifferentLeadAssessorWhenTheAppealIsUpheld() {
    // given a case certified below its target
    String applicant = newApplicant();
    String email = uniqueEmail();
    ProcessInstance instance = decidedCase(applicant, email, "developing", allIndicatorsUpTo("foundation"));
    String firstLead = leadAssessor(instance);

    // when the applicant appeals in Tasklist and the appeals panel upholds it
    complete(applicant, instance, LODGE_APPEAL, Map.of("appealGrounds", GROUNDS));
    assertThat(instance).isWaitingAt(REVIEW_APPEAL, AGREE_ACTION_PLAN);
    complete("appeals1", instance, REVIEW_APPEAL, Map.of("appealDecision", "upheld",
        "appealDecisionReasons", "The round-two evidence was not considered."));
    runAsyncJobs();

    // then the case is reassessed by someone else, and the action plan waits for the new decision
    assertThat(instance).hasPassed(PREPARE_REASSESSMENT, ALLOCATE_ASSESSORS).isWaitingAt(ASSESS_EVIDENCE);
    Assertions.assertThat(leadAssessor(instance)).isNotEqualTo(firstLead);
    Assertions.assertThat(((SpinJsonNode) runtimeService.getVariable(instance.getId(), "previousLeadAssessors"))
        .elements()).extracting(SpinJsonNode::stringValue).containsExactly(firstLead);
    assertThat(instance).variables().containsEntry("appealRounds", 1L).containsEntry("clarificationRounds", 0L);
    Assertions.assertThat(taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(AGREE_ACTION_PLAN).count()).isZero();
    Assertions.assertThat(TestMailServer.subjectsTo(email)).anyMatch(s -> s.contains("your appeal is upheld"));
  }

  @Test
  void shouldDismissAnAppealLodgedByMessageAndMonitorTheCertificate() {
    // given
    String applicant = newApplicant();
    String email = uniqueEmail();
    ProcessInstance instance = decidedCase(applicant, email, "foundation", allIndicatorsUpTo("foundation"));

    // when the appeal arrives as the message AppealLodged
    runtimeService.createMessageCorrelation(CertificationProcess.APPEAL_LODGED_MESSAGE)
        .processInstanceBusinessKey(instance.getBusinessKey())
        .setVariable("appealGrounds", GROUNDS)
        .correlate();
    complete("appeals1", instance, REVIEW_APPEAL, Map.of("appealDecision", "dismissed",
        "appealDecisionReasons", "The evidence was considered in full."));
    runAsyncJobs();
    complete(applicant, instance, AGREE_ACTION_PLAN, Map.of("actionPlan", agreedActionPlan(instance)));

    // then
    assertThat(instance).hasPassed("sendAppealDismissed").isWaitingAt(CertificationProcess.MONITOR_CERTIFICATE);
    Assertions.assertThat(TestMailServer.subjectsTo(email)).anyMatch(s -> s.contains("the outcome of your appeal"));
  }

  @Test
  void shouldRefuseAnAppealMessageWithoutRealGrounds() {
    // given
    ProcessInstance instance = decidedCase(newApplicant(), uniqueEmail(), "foundation", allIndicatorsUpTo("foundation"));

    // when / then
    Assertions.assertThatThrownBy(() -> runtimeService.createMessageCorrelation(CertificationProcess.APPEAL_LODGED_MESSAGE)
            .processInstanceBusinessKey(instance.getBusinessKey())
            .setVariable("appealGrounds", "No.")
            .correlate())
        .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("appealGrounds");
    assertThat(instance).isWaitingAt(LODGE_APPEAL, AGREE_ACTION_PLAN);
  }

  @Test
  void shouldKeepEveryoneWhoTookPartInTheCaseOffItsAppeal() {
    // given a support officer who also sits on the appeals panel, and advised this case
    ensureUser("dualrole", "support-officers");
    if (identityService.createUserQuery().userId("dualrole").memberOfGroup("appeals-panel").count() == 0) {
      identityService.createMembership("dualrole", "appeals-panel");
    }
    String applicant = newApplicant();
    ProcessInstance instance = register(applicant, registration(uniqueEmail()));
    runAsyncJobs();
    complete("finance1", instance, CONFIRM_PAYMENT, Map.of("paymentReceived", true, "paymentReference", "B2"));
    runAsyncJobs();
    complete(applicant, instance, COMPLETE_SELF_ASSESSMENT, selfAssessment(allIndicatorsUpTo("developing")));
    complete("dualrole", instance, REVIEW_SELF_ASSESSMENT, Map.of("readyForAssessment", true));
    runAsyncJobs();
    complete(leadAssessor(instance), instance, ASSESS_EVIDENCE, assessment(false, allIndicatorsUpTo("foundation")));
    complete("panel1", instance, APPROVE_CERTIFICATION, Map.of("panelDecision", "approve"));
    runAsyncJobs();
    complete(applicant, instance, LODGE_APPEAL, Map.of("appealGrounds", GROUNDS));

    // when / then
    Assertions.assertThatThrownBy(() -> complete("dualrole", instance, REVIEW_APPEAL,
            Map.of("appealDecision", "upheld", "appealDecisionReasons", "Agreed.")))
        .isInstanceOf(InvalidSubmissionException.class)
        .hasMessageContaining("took part in this case and may not decide its appeal");
    assertThat(instance).isWaitingAt(REVIEW_APPEAL, AGREE_ACTION_PLAN);
  }
}
