package org.equitymark.allocation;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.equitymark.process.CertificationProcess.Elements.AGREE_ACTION_PLAN;
import static org.equitymark.process.CertificationProcess.Elements.APPROVE_CERTIFICATION;
import static org.equitymark.process.CertificationProcess.Elements.ASSESS_EVIDENCE;
import static org.equitymark.process.CertificationProcess.Elements.LODGE_APPEAL;
import static org.equitymark.process.CertificationProcess.Elements.MODERATE_ASSESSMENT;
import static org.equitymark.process.CertificationProcess.Elements.REVIEW_APPEAL;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.equitymark.access.Groups;
import org.equitymark.monitoring.MonitoringProcess;
import org.equitymark.process.CertificationProcess;
import org.equitymark.submission.InvalidSubmissionException;
import org.equitymark.support.ProcessTestSupport;
import org.junit.jupiter.api.Test;

/**
 * A declared tie with the organisation keeps a user off every decision on its case, not only off
 * allocation: moderation, the certification panel, the annual-return review and the appeal refuse it
 * with the reason, and the task stays open for someone else.
 */
class DeclaredTiesProcessTests extends ProcessTestSupport {

  private String applicant;

  private String organisationId(ProcessInstance instance) {
    return (String) runtimeService.getVariable(instance.getId(), CertificationProcess.ORGANISATION_ID.name());
  }

  /** A staff member of the given group who declared a consultancy tie with the organisation (not in the allocation pool). */
  private String tiedStaff(String userId, String group, String organisationId) {
    ensureUser(userId, group);
    assessorPool.save(new AssessorDeclaration(userId, "Staff " + userId, Assessor.Gender.NOT_DECLARED,
        Assessor.Minoritised.NOT_DECLARED, false, List.of(new AssessorDeclaration.Tie(organisationId, "consultancy"))));
    return userId;
  }

  private void assertRefused(String userId, ProcessInstance instance, String taskKey, Map<String, Object> decision,
      String what) {
    Assertions.assertThatThrownBy(() -> complete(userId, instance, taskKey, decision))
        .isInstanceOf(InvalidSubmissionException.class)
        .hasMessageContaining(userId + " declared a consultancy tie with organisation " + organisationId(instance)
            + " and may not " + what);
    assertThat(instance).isWaitingAt(taskKey);
  }

  private ProcessInstance assessedCase(String... confirmed) {
    applicant = newApplicant();
    ProcessInstance instance = caseReadyForAssessment(applicant, uniqueEmail(), "developing",
        allIndicatorsUpTo("developing"));
    complete(leadAssessor(instance), instance, ASSESS_EVIDENCE, assessment(false, confirmed));
    return instance;
  }

  @Test
  void shouldRefuseATiedModerator() {
    // given a case assessed two levels below its self-assessment: moderation
    String[] allButOutcomes = Arrays.stream(allIndicatorsUpTo("developing"))
        .filter(id -> !id.startsWith("outcomes.")).toArray(String[]::new);
    ProcessInstance instance = assessedCase(allButOutcomes);
    String moderator = tiedStaff("tiedmoderator", Groups.MODERATORS, organisationId(instance));

    // when the tied moderator decides, then it is refused; an independent moderator may
    assertRefused(moderator, instance, MODERATE_ASSESSMENT, Map.of("moderationAgreed", true), "moderate");
    complete("moderator1", instance, MODERATE_ASSESSMENT, Map.of("moderationAgreed", true));
    assertThat(instance).isWaitingAt(APPROVE_CERTIFICATION);
  }

  @Test
  void shouldRefuseATiedCertificationPanelMember() {
    // given
    ProcessInstance instance = assessedCase(allIndicatorsUpTo("developing"));
    String member = tiedStaff("tiedpanelmember", Groups.CERTIFICATION_PANEL, organisationId(instance));

    // when, then
    assertRefused(member, instance, APPROVE_CERTIFICATION, Map.of("panelDecision", "approve"), "approve");
    complete("panel1", instance, APPROVE_CERTIFICATION, Map.of("panelDecision", "approve"));
    assertThat(instance).hasPassed(APPROVE_CERTIFICATION);
  }

  @Test
  void shouldRefuseATiedAppealsPanelMember() {
    // given an appeal lodged against a decision
    applicant = newApplicant();
    ProcessInstance instance = decidedCase(applicant, uniqueEmail(), "developing", allIndicatorsUpTo("foundation"));
    complete(applicant, instance, LODGE_APPEAL,
        Map.of("appealGrounds", "The assessor did not read the outcomes evidence we sent in round two."));
    String member = tiedStaff("tiedappeals", Groups.APPEALS_PANEL, organisationId(instance));

    // when, then
    Map<String, Object> dismissal = Map.of("appealDecision", "dismissed",
        "appealDecisionReasons", "The evidence was considered in full.");
    assertRefused(member, instance, REVIEW_APPEAL, dismissal, "decide the appeal on");
    complete("appeals1", instance, REVIEW_APPEAL, dismissal);
    assertThat(instance).hasPassed(REVIEW_APPEAL);
  }

  @Test
  void shouldRefuseATiedAnnualReturnReviewer() {
    // given a certified case under monitoring whose first annual return is in
    applicant = newApplicant();
    ProcessInstance instance = decidedCase(applicant, uniqueEmail(), "developing", allIndicatorsUpTo("developing"));
    complete(applicant, instance, AGREE_ACTION_PLAN, Map.of("actionPlan", agreedActionPlan(instance)));
    moveClockBy(Duration.ofDays(28).plusMinutes(1));
    ProcessInstance monitoring = runtimeService.createProcessInstanceQuery()
        .superProcessInstanceId(instance.getId()).singleResult();
    Instant opens = ((Date) runtimeService.getVariable(monitoring.getId(), "annualReturnOpensAt")).toInstant();
    moveClockBy(Duration.between(ClockUtil.now().toInstant(), opens).plusMinutes(1));
    complete(applicant, monitoring, MonitoringProcess.Elements.SUBMIT_ANNUAL_RETURN, annualReturn());
    String reviewer = tiedStaff("tiedreviewer", Groups.ASSESSORS, organisationId(instance));

    // when, then
    assertRefused(reviewer, monitoring, MonitoringProcess.Elements.REVIEW_ANNUAL_RETURN, Map.of("revalidated", true),
        "review the annual return of");
    complete("assessor2", monitoring, MonitoringProcess.Elements.REVIEW_ANNUAL_RETURN, Map.of("revalidated", true));
    assertThat(monitoring).hasPassed(MonitoringProcess.Elements.REVIEW_ANNUAL_RETURN);
  }

  @Test
  void shouldRefuseATiedCorrectiveReturnReviewer() {
    // given a certificate suspended on its first annual return, and the organisation's corrective return in
    applicant = newApplicant();
    ProcessInstance instance = decidedCase(applicant, uniqueEmail(), "developing", allIndicatorsUpTo("developing"));
    complete(applicant, instance, AGREE_ACTION_PLAN, Map.of("actionPlan", agreedActionPlan(instance)));
    moveClockBy(Duration.ofDays(28).plusMinutes(1));
    ProcessInstance monitoring = runtimeService.createProcessInstanceQuery()
        .superProcessInstanceId(instance.getId()).singleResult();
    Instant opens = ((Date) runtimeService.getVariable(monitoring.getId(), "annualReturnOpensAt")).toInstant();
    moveClockBy(Duration.between(ClockUtil.now().toInstant(), opens).plusMinutes(1));
    complete(applicant, monitoring, MonitoringProcess.Elements.SUBMIT_ANNUAL_RETURN, annualReturn());
    complete("assessor2", monitoring, MonitoringProcess.Elements.REVIEW_ANNUAL_RETURN,
        Map.of("revalidated", false, "reviewComments", "The figures leave out the community team."));
    runAsyncJobs();
    complete(applicant, monitoring, MonitoringProcess.Elements.SUBMIT_CORRECTIVE_RETURN,
        Map.of("correctiveActions", "The community team's figures are now included in the return."));
    String reviewer = tiedStaff("tiedcorrection", Groups.ASSESSORS, organisationId(instance));

    // when, then
    assertRefused(reviewer, monitoring, MonitoringProcess.Elements.REVIEW_CORRECTIVE_RETURN,
        Map.of("correctionAccepted", true), "review the corrective return of");
    complete("assessor2", monitoring, MonitoringProcess.Elements.REVIEW_CORRECTIVE_RETURN, Map.of("correctionAccepted", true));
    assertThat(monitoring).hasPassed(MonitoringProcess.Elements.REINSTATE_CERTIFICATE);
  }

  private static Map<String, Object> annualReturn() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("actionPlanProgress", "Item 1: the board adopted the plan in March.");
    variables.put("outcomesByEthnicGroup",
        SpinValues.jsonValue("{\"A\": {\"served\": 40, \"improved\": 30}}").create());
    variables.put("satisfactionByEthnicGroup",
        SpinValues.jsonValue("{\"A\": {\"surveyed\": 20, \"satisfied\": 15}}").create());
    variables.put("discriminationComplaintsReceived", 2);
    variables.put("discriminationComplaintsResolved", 2);
    return variables;
  }
}
