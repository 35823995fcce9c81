package org.equitymark.monitoring;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.equitymark.monitoring.MonitoringProcess.Elements.ANNUAL_RETURNS_COMPLETED;
import static org.equitymark.monitoring.MonitoringProcess.Elements.AWAIT_REASSESSMENT_DECISION;
import static org.equitymark.monitoring.MonitoringProcess.Elements.ANNUAL_RETURN_OPENS;
import static org.equitymark.monitoring.MonitoringProcess.Elements.ANNUAL_RETURN_REMINDER_DUE;
import static org.equitymark.monitoring.MonitoringProcess.Elements.CERTIFICATE_EXPIRED;
import static org.equitymark.monitoring.MonitoringProcess.Elements.CERTIFICATE_RENEWED;
import static org.equitymark.monitoring.MonitoringProcess.Elements.CERTIFICATE_REVOKED;
import static org.equitymark.monitoring.MonitoringProcess.Elements.CERTIFICATE_WITHDRAWN;
import static org.equitymark.monitoring.MonitoringProcess.Elements.CORRECTIVE_RETURN_OVERDUE;
import static org.equitymark.monitoring.MonitoringProcess.Elements.REASSESSMENT_DECIDED;
import static org.equitymark.monitoring.MonitoringProcess.Elements.REASSESSMENT_GRACE_OVER;
import static org.equitymark.monitoring.MonitoringProcess.Elements.REASSESSMENT_INVITATION_DUE;
import static org.equitymark.monitoring.MonitoringProcess.Elements.REINSTATE_CERTIFICATE;
import static org.equitymark.monitoring.MonitoringProcess.Elements.REVIEW_ANNUAL_RETURN;
import static org.equitymark.monitoring.MonitoringProcess.Elements.REVIEW_CORRECTIVE_RETURN;
import static org.equitymark.monitoring.MonitoringProcess.Elements.START_REASSESSMENT;
import static org.equitymark.monitoring.MonitoringProcess.Elements.SUBMIT_ANNUAL_RETURN;
import static org.equitymark.monitoring.MonitoringProcess.Elements.SUBMIT_CORRECTIVE_RETURN;
import static org.equitymark.monitoring.MonitoringProcess.Elements.SUSPEND_FOR_MISSED_RETURN;
import static org.equitymark.monitoring.MonitoringProcess.Elements.SUSPEND_FOR_REJECTED_RETURN;
import static org.equitymark.monitoring.MonitoringProcess.Elements.WITHDRAW_FOR_MISSED_CORRECTION;
import static org.equitymark.monitoring.MonitoringProcess.Elements.WITHDRAW_FOR_REJECTED_CORRECTION;
import static org.equitymark.process.CertificationProcess.Elements.AGREE_ACTION_PLAN;
import static org.equitymark.process.CertificationProcess.Elements.APPROVE_CERTIFICATION;
import static org.equitymark.process.CertificationProcess.Elements.ASSESS_EVIDENCE;
import static org.equitymark.process.CertificationProcess.Elements.CERTIFICATION_DECIDED;
import static org.equitymark.process.CertificationProcess.Elements.COMPLETE_SELF_ASSESSMENT;
import static org.equitymark.process.CertificationProcess.Elements.CONFIRM_PAYMENT;
import static org.equitymark.process.CertificationProcess.Elements.REVIEW_SELF_ASSESSMENT;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.equitymark.certificate.Certificate;
import org.equitymark.certificate.CertificateState;
import org.equitymark.certificate.Certificates;
import org.equitymark.certificate.StateChange;
import org.equitymark.process.CertificationProcess;
import org.equitymark.process.Variable;
import org.equitymark.submission.InvalidSubmissionException;
import org.equitymark.support.ProcessTestSupport;
import org.equitymark.support.TestMailServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Stage 4 through the real models, three years on the engine clock: a certified case calls
 * {@code certificate-monitoring}, which asks for annual returns at 12 and 24 months, suspends and
 * reinstates, invites to reassess 90 days before expiry, and expires, renews or revokes.
 */
class CertificateMonitoringProcessTests extends ProcessTestSupport {

  static final String OUTCOMES = "{\"A\": {\"served\": 412, \"improved\": 260}, \"N\": {\"served\": 57, \"improved\": 31}}";
  static final String SATISFACTION = "{\"A\": {\"surveyed\": 120, \"satisfied\": 96}, \"N\": {\"surveyed\": 20, \"satisfied\": 14}}";

  @Autowired Certificates certificates;
  @Autowired org.equitymark.feedback.PublicFeedback publicFeedback;

  private String applicant;
  private String email;

  /** A case certified at developing, its action plan agreed and the appeal window closed: now monitored. */
  private ProcessInstance certifiedCase() {
    applicant = newApplicant();
    email = uniqueEmail();
    ProcessInstance instance = decidedCase(applicant, email, "developing", allIndicatorsUpTo("developing"));
    complete(applicant, instance, AGREE_ACTION_PLAN, Map.of("actionPlan", agreedActionPlan(instance)));
    moveClockBy(Duration.ofDays(28).plusMinutes(1));
    assertThat(instance).isWaitingAt(CertificationProcess.MONITOR_CERTIFICATE);
    return instance;
  }

  private ProcessInstance monitoring(ProcessInstance certification) {
    ProcessInstance monitoring = runtimeService.createProcessInstanceQuery()
        .superProcessInstanceId(certification.getId()).singleResult();
    if (monitoring == null) {
      throw new AssertionError("No monitoring under " + certification.getBusinessKey());
    }
    return monitoring;
  }

  private String certificateNumber(ProcessInstance instance) {
    return (String) runtimeService.getVariable(instance.getId(), "certificateNumber");
  }

  private Certificate certificate(String number) {
    return certificates.find(number).orElseThrow();
  }

  /** Moves the clock to the next opening of an annual return, a minute after. */
  private void moveToNextAnnualReturn(ProcessInstance monitoring) {
    assertThat(monitoring).isWaitingAt(ANNUAL_RETURN_OPENS);
    moveClockTo(((Date) runtimeService.getVariable(monitoring.getId(), "annualReturnOpensAt")).toInstant());
  }

  private void moveClockTo(Instant instant) {
    moveClockBy(Duration.between(ClockUtil.now().toInstant(), instant).plusMinutes(1));
  }

  private static Map<String, Object> annualReturn() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("actionPlanProgress", "Item 1: the board adopted the plan in March. Item 2: training booked for June.");
    variables.put("outcomesByEthnicGroup", OUTCOMES);
    variables.put("satisfactionByEthnicGroup", SATISFACTION);
    variables.put("discriminationComplaintsReceived", 4);
    variables.put("discriminationComplaintsResolved", 3);
    return variables;
  }

  private void submitAndReview(ProcessInstance monitoring, boolean revalidated) {
    complete(applicant, monitoring, SUBMIT_ANNUAL_RETURN, annualReturn());
    complete("assessor2", monitoring, REVIEW_ANNUAL_RETURN, revalidated
        ? Map.of("revalidated", true)
        : Map.of("revalidated", false, "reviewComments", "No progress on the training item; show it next year."));
    runAsyncJobs();
  }

  private void correctAndReview(ProcessInstance monitoring, boolean accepted) {
    complete(applicant, monitoring, SUBMIT_CORRECTIVE_RETURN,
        Map.of("correctiveActions", "Training for all ward staff was delivered in May; the attendance list is attached."));
    complete("assessor2", monitoring, REVIEW_CORRECTIVE_RETURN, accepted
        ? Map.of("correctionAccepted", true)
        : Map.of("correctionAccepted", false, "correctionReviewComments", "The training covered one ward of four."));
    runAsyncJobs();
  }

  @Test
  void shouldRevalidateTwiceThenRenewThroughAReassessmentCase() {
    // given
    ProcessInstance instance = certifiedCase();
    ProcessInstance monitoring = monitoring(instance);
    String number = certificateNumber(instance);
    assertThat(monitoring).hasBusinessKey(instance.getBusinessKey());

    // when the first two annual returns are accepted
    for (int year = 1; year <= 2; year++) {
      moveToNextAnnualReturn(monitoring);
      assertThat(monitoring).isWaitingAt(SUBMIT_ANNUAL_RETURN);
      assertThat(monitoring).variables().containsEntry("annualReturnYear", (long) year);
      submitAndReview(monitoring, true);
    }

    // then the certificate stayed active, the figures are kept as JSON, and no third return is asked for
    assertThat(monitoring).hasPassed(ANNUAL_RETURNS_COMPLETED);
    Assertions.assertThat(certificate(number).state()).isEqualTo(CertificateState.ACTIVE);
    Assertions.assertThat(runtimeService.getVariable(monitoring.getId(), "outcomesByEthnicGroup").toString())
        .contains("\"served\":412");
    Assertions.assertThat(TestMailServer.subjectsTo(email)).filteredOn(s -> s.contains("annual return accepted")).hasSize(2);

    // when 90 days before expiry
    moveClockTo(((Date) runtimeService.getVariable(monitoring.getId(), "reassessmentInvitationAt")).toInstant());

    // then a reassessment case has started, linked to the certificate and its level
    assertThat(monitoring).hasPassed(START_REASSESSMENT);
    String reference = (String) runtimeService.getVariable(monitoring.getId(), "reassessmentReference");
    ProcessInstance reassessment = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey(CertificationProcess.KEY).singleResult();
    assertThat(reassessment).isWaitingAt(CertificationProcess.Elements.CONFIRM_REGISTRATION).variables()
        .containsEntry("reassessment", true)
        .containsEntry("previousCertificateNumber", number)
        .containsEntry("previousLevel", "developing")
        .containsEntry("organisationId", runtimeService.getVariable(instance.getId(), "organisationId"));
    for (Variable<?> registered : StartReassessmentDelegate.CARRIED_OVER) {
      Object original = runtimeService.getVariable(instance.getId(), registered.name());
      if (original != null) {
        Assertions.assertThat(String.valueOf(runtimeService.getVariable(reassessment.getId(), registered.name())))
            .as("%s of the reassessment", registered.name()).isEqualTo(String.valueOf(original));
      }
    }
    Assertions.assertThat(TestMailServer.subjectsTo(email)).anyMatch(s -> s.contains("time to reassess"));

    // when the organisation confirms its registration and the reassessment is certified before the old certificate ends
    complete(applicant, reassessment, CertificationProcess.Elements.CONFIRM_REGISTRATION, Map.of());
    runAsyncJobs();
    complete("finance1", reassessment, CONFIRM_PAYMENT, Map.of("paymentReceived", true, "paymentReference", "BACS 10"));
    runAsyncJobs();
    complete(applicant, reassessment, COMPLETE_SELF_ASSESSMENT, selfAssessment(allIndicatorsUpTo("competence")));
    complete("support1", reassessment, REVIEW_SELF_ASSESSMENT, Map.of("readyForAssessment", true));
    runAsyncJobs();
    complete(leadAssessor(reassessment), reassessment, ASSESS_EVIDENCE, assessment(false, allIndicatorsUpTo("developing")));
    complete("panel1", reassessment, APPROVE_CERTIFICATION, Map.of("panelDecision", "approve"));
    runAsyncJobs();
    String renewal = certificateNumber(reassessment);
    Assertions.assertThat(renewal).isNotEqualTo(number);

    // and the old certificate reaches its end
    moveClockTo(((Date) runtimeService.getVariable(monitoring.getId(), "certificateEndsAt")).toInstant());

    // then it ends as renewed, not as expired, and the case is closed
    assertThat(monitoring).isEnded().hasPassed(CERTIFICATE_RENEWED).hasNotPassed(CERTIFICATE_EXPIRED);
    assertThat(instance).isEnded().hasPassed(CERTIFICATION_DECIDED);
    Assertions.assertThat(certificate(number).state()).isEqualTo(CertificateState.EXPIRED);
    Assertions.assertThat(certificates.history(number)).extracting(StateChange::reason)
        .last().asString().contains("renewed by certificate " + renewal);
    Assertions.assertThat(certificate(renewal).state()).isEqualTo(CertificateState.ACTIVE);
    Assertions.assertThat(TestMailServer.subjectsTo(email)).noneMatch(s -> s.contains("has expired"));
  }

  @Test
  void shouldMonitorWithOnlyTheCaseVariablesItNeeds() throws Exception {
    // given a certified case, which holds its self-assessment, evidence, findings and gap analysis
    ProcessInstance instance = certifiedCase();
    Map<String, Object> caseVariables = runtimeService.getVariables(instance.getId());
    Assertions.assertThat(caseVariables).containsKeys("leadershipEvidence", "outcomesIndicators",
        "accessConfirmedIndicators", "gapAnalysis", "leadAssessor", "selfAssessedLevel");

    // when its monitoring has started
    ProcessInstance monitoring = monitoring(instance);
    Map<String, Object> monitored = runtimeService.getVariables(monitoring.getId());

    // then it holds the inputs, with the case's values, and its own schedule: nothing else
    List<String> inputs = MonitoringProcess.INPUTS.stream().map(Variable::name).toList();
    Assertions.assertThat(monitored.keySet()).containsExactlyInAnyOrderElementsOf(Stream.concat(inputs.stream(), Stream.of(
        MonitoringProcess.CERTIFICATE_ENDS_AT.name(), MonitoringProcess.REASSESSMENT_INVITATION_AT.name(),
        MonitoringProcess.REASSESSMENT_REMINDERS_SCHEDULED.name(), MonitoringProcess.ANNUAL_RETURN_OPENS_AT.name(),
        MonitoringProcess.ANNUAL_RETURN_DUE_AT.name(), CertificationProcess.ANNUAL_RETURN_YEAR.name(),
        CertificationProcess.ANNUAL_RETURN_DUE_ON.name())).toList());
    for (String name : inputs) {
      Assertions.assertThat(String.valueOf(monitored.get(name))).as(name).isEqualTo(String.valueOf(caseVariables.get(name)));
    }
    Assertions.assertThat(monitored).containsEntry("achievedLevel", "developing").containsKey("actionPlan");

    // when the first annual return opens
    moveToNextAnnualReturn(monitoring);

    // then the invitation, the task card and the form have what they show
    String number = certificateNumber(instance);
    String organisation = (String) caseVariables.get("organisationName");
    Assertions.assertThat(mailBody("your annual return for year 1")).startsWith("Dear Dana Fox,")
        .contains(number).contains(organisation)
        .contains((String) runtimeService.getVariable(monitoring.getId(), "annualReturnDueOn"))
        .contains("Action-plan items past their target date:");
    Map<String, Object> submission = taskService.getVariables(task(monitoring, SUBMIT_ANNUAL_RETURN).getId());
    Assertions.assertThat(submission).containsEntry("applicationReference", instance.getBusinessKey())
        .containsEntry("organisationName", organisation).containsEntry("targetLevel", "developing")
        .containsEntry("certificateNumber", number)
        .containsEntry("certificateExpiresOn", caseVariables.get("certificateExpiresOn"));

    // when it is accepted
    submitAndReview(monitoring, true);

    // then the confirmation names the end of validity
    Assertions.assertThat(mailBody("annual return accepted")).startsWith("Dear Dana Fox,")
        .contains(organisation).contains((String) caseVariables.get("certificateExpiresOn"));
  }

  /** An ISO date as a Welsh reader writes it: 5 Rhagfyr 2027. */
  private static String inWelsh(String iso) {
    LocalDate date = LocalDate.parse(iso);
    return date.getDayOfMonth() + " " + List.of("Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin",
        "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr").get(date.getMonthValue() - 1) + " " + date.getYear();
  }

  /** The body of the one mail to the case's contact whose subject contains the text. */
  private String mailBody(String subject) throws Exception {
    List<MimeMessage> mails = new ArrayList<>();
    for (MimeMessage mail : TestMailServer.to(email)) {
      if (mail.getSubject().contains(subject)) {
        mails.add(mail);
      }
    }
    Assertions.assertThat(mails).as("mails about \"%s\"", subject).hasSize(1);
    return mails.get(0).getContent().toString();
  }

  @Test
  void shouldSuspendOnARejectedReturnAndReinstateOnAnAcceptedCorrectiveReturn() throws Exception {
    // given
    ProcessInstance instance = certifiedCase();
    ProcessInstance monitoring = monitoring(instance);
    String number = certificateNumber(instance);

    // when the first return is due, with public feedback on the service still open
    moveToNextAnnualReturn(monitoring);
    publicFeedback.record(number, "community-group", "Our members <were> not offered interpreters.", "192.0.2.7");
    complete(applicant, monitoring, SUBMIT_ANNUAL_RETURN, annualReturn());

    // then the reviewing assessor sees the feedback (escaped) and the overdue action-plan items
    String review = task(monitoring, REVIEW_ANNUAL_RETURN).getId();
    Assertions.assertThat((String) taskService.getVariableLocal(review, "openFeedback"))
        .contains("community-group").contains("Our members &lt;were&gt; not offered interpreters.");
    Assertions.assertThat((String) runtimeService.getVariable(monitoring.getId(), "overdueActionPlanItems"))
        .startsWith("Action-plan items past their target date:").contains("Dana Fox");
    Assertions.assertThat(runtimeService.getVariable(monitoring.getId(), "openFeedback")).isNull();

    // when the return is not accepted
    complete("assessor2", monitoring, REVIEW_ANNUAL_RETURN,
        Map.of("revalidated", false, "reviewComments", "No progress on the training item; show it next year."));
    runAsyncJobs();

    // then the certificate is suspended, with the date and reason in its history
    assertThat(monitoring).hasPassed(SUSPEND_FOR_REJECTED_RETURN);
    Assertions.assertThat(certificate(number).state()).isEqualTo(CertificateState.SUSPENDED);
    Assertions.assertThat(certificate(number).stateReason()).contains("year 1 was not accepted");
    String dueOn = (String) runtimeService.getVariable(monitoring.getId(), "correctionDueOn");
    Assertions.assertThat(LocalDate.parse(dueOn)).isEqualTo(LocalDate.ofInstant(ClockUtil.now().toInstant(),
        MonitoringSchedule.ZONE).plusDays(90));
    Assertions.assertThat(mailBody("is suspended")).contains("corrective return").contains(dueOn);

    // and the organisation has the cure period to send a corrective return, which cannot be empty
    assertThat(monitoring).isWaitingAt(SUBMIT_CORRECTIVE_RETURN);
    Assertions.assertThat(task(monitoring, SUBMIT_CORRECTIVE_RETURN).getDueDate())
        .isEqualTo(runtimeService.getVariable(monitoring.getId(), "correctionDueAt"));
    Assertions.assertThatThrownBy(() -> complete(applicant, monitoring, SUBMIT_CORRECTIVE_RETURN, Map.of()))
        .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("correctiveActions");
    complete(applicant, monitoring, SUBMIT_CORRECTIVE_RETURN,
        Map.of("correctiveActions", "Training for all ward staff was delivered in May; the attendance list is attached."));

    // when an assessor accepts it, after a refusal without a decision
    Assertions.assertThatThrownBy(() -> complete("assessor2", monitoring, REVIEW_CORRECTIVE_RETURN,
            Map.of("correctionAccepted", false)))
        .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("correctionReviewComments");
    complete("assessor2", monitoring, REVIEW_CORRECTIVE_RETURN, Map.of("correctionAccepted", true));
    runAsyncJobs();

    // then the certificate is reinstated at once, not a year later, and the organisation is told
    assertThat(monitoring).hasPassed(REINSTATE_CERTIFICATE).isWaitingAt(ANNUAL_RETURN_OPENS);
    Assertions.assertThat(certificate(number).state()).isEqualTo(CertificateState.ACTIVE);
    Assertions.assertThat(certificate(number).stateReason()).contains("corrective return").contains("accepted");
    Assertions.assertThat(TestMailServer.subjectsTo(email)).anyMatch(s -> s.contains("is reinstated"));

    // when the second return opens
    moveToNextAnnualReturn(monitoring);

    // then last year's figures and review cannot pass for this year's: each is sent again
    Assertions.assertThatThrownBy(() -> complete(applicant, monitoring, SUBMIT_ANNUAL_RETURN, Map.of()))
        .isInstanceOf(InvalidSubmissionException.class)
        .hasMessageContaining("actionPlanProgress").hasMessageContaining("discriminationComplaintsResolved")
        .hasMessageContaining("is required");
    complete(applicant, monitoring, SUBMIT_ANNUAL_RETURN, annualReturn());
    Assertions.assertThatThrownBy(() -> complete("assessor2", monitoring, REVIEW_ANNUAL_RETURN, Map.of()))
        .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("revalidated");
    assertThat(monitoring).isWaitingAt(REVIEW_ANNUAL_RETURN);

    // when it is accepted
    complete("assessor2", monitoring, REVIEW_ANNUAL_RETURN, Map.of("revalidated", true));
    runAsyncJobs();

    // then it stays active
    Certificate reinstated = certificate(number);
    Assertions.assertThat(reinstated.state()).isEqualTo(CertificateState.ACTIVE);
    Assertions.assertThat(certificates.history(number)).extracting(StateChange::state)
        .containsExactly(CertificateState.ACTIVE, CertificateState.SUSPENDED, CertificateState.ACTIVE);
  }

  @Test
  void shouldRemindAndThenSuspendWhenNoReturnArrives() {
    // given
    ProcessInstance instance = certifiedCase();
    ProcessInstance monitoring = monitoring(instance);
    String number = certificateNumber(instance);
    moveToNextAnnualReturn(monitoring);
    Assertions.assertThat(TestMailServer.subjectsTo(email)).anyMatch(s -> s.contains("your annual return for year 1"));

    // when 14 days pass
    moveClockBy(Duration.ofDays(14));

    // then a reminder goes, and the certificate is still active
    assertThat(monitoring).hasPassed(ANNUAL_RETURN_REMINDER_DUE).isWaitingAt(SUBMIT_ANNUAL_RETURN);
    Assertions.assertThat(TestMailServer.subjectsTo(email)).anyMatch(s -> s.contains("your annual return is waiting"));
    Assertions.assertThat(certificate(number).state()).isEqualTo(CertificateState.ACTIVE);

    // when 60 days after the due date (90 after opening) there is still no return
    moveClockBy(Duration.ofDays(76));

    // then it is suspended automatically, with the cure period open
    assertThat(monitoring).hasPassed(SUSPEND_FOR_MISSED_RETURN).isWaitingAt(SUBMIT_CORRECTIVE_RETURN);
    Assertions.assertThat(certificate(number).state()).isEqualTo(CertificateState.SUSPENDED);
    Assertions.assertThat(certificate(number).stateReason()).contains("year 1 was not received");
    String dueOn = (String) runtimeService.getVariable(monitoring.getId(), "correctionDueOn");

    // when no corrective return arrives within the cure period either
    moveClockBy(Duration.ofDays(89));
    assertThat(monitoring).isWaitingAt(SUBMIT_CORRECTIVE_RETURN);
    moveClockTo(((Date) runtimeService.getVariable(monitoring.getId(), "correctionDueAt")).toInstant());

    // then the certificate is withdrawn (revoked for good, with the reason) and the organisation is told
    assertThat(monitoring).hasPassed(CORRECTIVE_RETURN_OVERDUE, WITHDRAW_FOR_MISSED_CORRECTION, CERTIFICATE_WITHDRAWN)
        .isEnded();
    assertThat(instance).isEnded().hasPassed(CERTIFICATION_DECIDED);
    Assertions.assertThat(certificate(number).state()).isEqualTo(CertificateState.REVOKED);
    Assertions.assertThat(certificate(number).stateReason())
        .isEqualTo("Withdrawn: no corrective return was received by " + dueOn + " after the suspension");
    Assertions.assertThat(certificates.history(number)).extracting(StateChange::state)
        .containsExactly(CertificateState.ACTIVE, CertificateState.SUSPENDED, CertificateState.REVOKED);
    Assertions.assertThat(TestMailServer.subjectsTo(email)).anyMatch(s -> s.contains("is withdrawn"));
  }

  @Test
  void shouldWithdrawWhenTheCorrectiveReturnIsNotAccepted() throws Exception {
    // given a first return not accepted: suspended
    ProcessInstance instance = certifiedCase();
    ProcessInstance monitoring = monitoring(instance);
    String number = certificateNumber(instance);
    moveToNextAnnualReturn(monitoring);
    submitAndReview(monitoring, false);

    // when the corrective return is not accepted either
    correctAndReview(monitoring, false);

    // then the certificate is withdrawn with the reason, and the reviewer's comments reach the organisation only
    assertThat(monitoring).hasPassed(WITHDRAW_FOR_REJECTED_CORRECTION, CERTIFICATE_WITHDRAWN).isEnded();
    Assertions.assertThat(certificate(number).state()).isEqualTo(CertificateState.REVOKED);
    Assertions.assertThat(certificate(number).stateReason())
        .isEqualTo("Withdrawn: the corrective return after the suspension was not accepted")
        .doesNotContain("one ward of four");
    Assertions.assertThat(mailBody("is withdrawn")).startsWith("Dear Dana Fox,")
        .contains("the corrective return after the suspension was not accepted")
        .contains("The training covered one ward of four.");
  }

  @Test
  void shouldWriteTheReasonsAndTheOverdueItemsOfAWelshCasesMailsInWelsh() throws Exception {
    // given a certified case whose organisation reads Welsh, with an action-plan item past its date
    ProcessInstance instance = certifiedCase();
    ProcessInstance monitoring = monitoring(instance);
    runtimeService.setVariable(monitoring.getId(), "preferredLanguage", "cy");
    String number = certificateNumber(instance);

    // when the annual return opens, is not accepted, nor is the corrective return
    moveToNextAnnualReturn(monitoring);
    String dueOn = (String) runtimeService.getVariable(monitoring.getId(), "annualReturnDueOn");
    submitAndReview(monitoring, false);
    String correctionDueOn = (String) runtimeService.getVariable(monitoring.getId(), "correctionDueOn");
    correctAndReview(monitoring, false);

    // then the invitation lists the overdue items under a Welsh heading, its due date with the Welsh month's name,
    // and each reason is Welsh
    Assertions.assertThat(mailBody("eich ffurflen flynyddol ar gyfer blwyddyn 1"))
        .contains("Camau yn y cynllun gweithredu sydd wedi pasio eu dyddiad targed:", "(yn gyfrifol: ")
        .contains(inWelsh(dueOn))
        .doesNotContain("Action-plan items", "responsible:", dueOn);
    Assertions.assertThat(mailBody("wedi'i hatal"))
        .contains("Ataliwyd: ni dderbyniwyd y ffurflen flynyddol ar gyfer blwyddyn 1").doesNotContain("Suspended")
        .contains(inWelsh(correctionDueOn)).doesNotContain(correctionDueOn);
    Assertions.assertThat(mailBody("wedi'i thynnu'n ôl"))
        .contains("Tynnwyd yn ôl: ni dderbyniwyd y ffurflen gywiro ar ôl yr ataliad").doesNotContain("Withdrawn");
    // while the certificate keeps its reason in English, as staff and the register read it
    Assertions.assertThat(certificate(number).stateReason())
        .isEqualTo("Withdrawn: the corrective return after the suspension was not accepted");
  }

  @Test
  void shouldCureASuspensionAfterTheLastAnnualReturn() {
    // given the first return accepted and the second, at month 24 (the last), not accepted
    ProcessInstance instance = certifiedCase();
    ProcessInstance monitoring = monitoring(instance);
    String number = certificateNumber(instance);
    moveToNextAnnualReturn(monitoring);
    submitAndReview(monitoring, true);
    moveToNextAnnualReturn(monitoring);
    submitAndReview(monitoring, false);
    Assertions.assertThat(certificate(number).state()).isEqualTo(CertificateState.SUSPENDED);

    // when a corrective return is accepted within the cure period (no yearly return is left to lift it)
    moveClockBy(Duration.ofDays(60));
    correctAndReview(monitoring, true);

    // then the certificate is active again, well before the invitation to reassess
    Assertions.assertThat(certificate(number).state()).isEqualTo(CertificateState.ACTIVE);
    assertThat(monitoring).hasPassed(REINSTATE_CERTIFICATE, ANNUAL_RETURNS_COMPLETED)
        .isWaitingAt(REASSESSMENT_INVITATION_DUE);
  }

  @Test
  void shouldNotQuoteLastYearsReviewWhenTheNextReturnIsMissed() throws Exception {
    // given a first return not accepted, with the assessor's comments in the suspension mail
    ProcessInstance instance = certifiedCase();
    ProcessInstance monitoring = monitoring(instance);
    moveToNextAnnualReturn(monitoring);
    submitAndReview(monitoring, false);
    Assertions.assertThat(mailBody("is suspended")).contains("No progress on the training item");
    correctAndReview(monitoring, true);

    // when the second return never arrives
    moveToNextAnnualReturn(monitoring);
    moveClockBy(Duration.ofDays(90));

    // then it is suspended for that, and the mail does not repeat last year's review
    assertThat(monitoring).hasPassed(SUSPEND_FOR_MISSED_RETURN);
    List<String> suspensions = new ArrayList<>();
    for (MimeMessage mail : TestMailServer.to(email)) {
      if (mail.getSubject().contains("is suspended")) {
        suspensions.add(mail.getContent().toString());
      }
    }
    Assertions.assertThat(suspensions).hasSize(2);
    Assertions.assertThat(suspensions.get(1)).contains("year 2 was not received")
        .doesNotContain("No progress on the training item");
  }

  @Test
  void shouldRevokeAtAnyTimeByMessage() {
    // given
    ProcessInstance instance = certifiedCase();
    ProcessInstance monitoring = monitoring(instance);
    String number = certificateNumber(instance);

    // when a revocation arrives without a reason
    Assertions.assertThatThrownBy(() -> runtimeService.createMessageCorrelation(CertificationProcess.CERTIFICATE_REVOKED_MESSAGE)
            .processInstanceBusinessKey(instance.getBusinessKey()).correlate())
        .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("revocationReason");

    // then nothing changed
    Assertions.assertThat(certificate(number).state()).isEqualTo(CertificateState.ACTIVE);

    // when it arrives with one
    runtimeService.createMessageCorrelation(CertificationProcess.CERTIFICATE_REVOKED_MESSAGE)
        .processInstanceBusinessKey(instance.getBusinessKey())
        .setVariable("revocationReason", "Evidence submitted for the assessment was found to be false.")
        .correlate();
    runAsyncJobs();

    // then
    assertThat(monitoring).isEnded().hasPassed(CERTIFICATE_REVOKED);
    assertThat(instance).isEnded().hasPassed(CERTIFICATION_DECIDED);
    Assertions.assertThat(certificate(number).state()).isEqualTo(CertificateState.REVOKED);
    Assertions.assertThat(certificate(number).stateReason()).isEqualTo(
        "Revoked: Evidence submitted for the assessment was found to be false.");
    Assertions.assertThat(TestMailServer.subjectsTo(email)).anyMatch(s -> s.contains("is revoked"));
  }

  @Test
  void shouldRevokeThroughTheFormOfASchemeManagerOnly() {
    // given
    ProcessInstance instance = certifiedCase();
    String number = certificateNumber(instance);
    Map<String, Object> form = Map.of("certificateNumber", number,
        "revocationReason", "The organisation withdrew its race-equality strategy.");

    // when the applicant tries, then it may not
    Assertions.assertThatThrownBy(() -> as(applicant, () ->
        runtimeService.startProcessInstanceByKey(RevocationRequest.KEY, form))).isInstanceOf(RuntimeException.class);

    // when a scheme manager revokes through the start form of certificate-revocation
    ProcessInstance revocation = as("manager1", () -> runtimeService.startProcessInstanceByKey(RevocationRequest.KEY, form));
    runAsyncJobs();

    // then
    assertThat(revocation).isEnded();
    assertThat(instance).isEnded();
    Assertions.assertThat(certificate(number).state()).isEqualTo(CertificateState.REVOKED);

    // and a second revocation is refused at once
    Assertions.assertThatThrownBy(() -> as("manager1", () ->
            runtimeService.startProcessInstanceByKey(RevocationRequest.KEY, form)))
        .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("not under monitoring");
  }

  @Test
  void shouldExpireAtTheEndOfValidityWithoutRenewal() {
    // given a certificate whose returns were accepted but which nobody renews
    ProcessInstance instance = certifiedCase();
    ProcessInstance monitoring = monitoring(instance);
    String number = certificateNumber(instance);
    for (int year = 1; year <= 2; year++) {
      moveToNextAnnualReturn(monitoring);
      submitAndReview(monitoring, true);
    }

    // when the clock passes the invitation, the reminders and the end of validity
    moveClockTo(((Date) runtimeService.getVariable(monitoring.getId(), "reassessmentInvitationAt")).toInstant());
    moveClockBy(Duration.ofDays(40));
    moveClockBy(Duration.ofDays(40));
    moveClockTo(((Date) runtimeService.getVariable(monitoring.getId(), "certificateEndsAt")).toInstant());

    // then, the reassessment case never started by the organisation (its registration unconfirmed), it has
    // expired without grace, and the organisation was reminded
    assertThat(monitoring).isEnded().hasPassed(CERTIFICATE_EXPIRED).hasNotPassed(REASSESSMENT_GRACE_OVER);
    assertThat(instance).isEnded().hasPassed(CERTIFICATION_DECIDED);
    Assertions.assertThat(certificate(number).state()).isEqualTo(CertificateState.EXPIRED);
    Assertions.assertThat(certificates.history(number)).extracting(StateChange::state).last()
        .isEqualTo(CertificateState.EXPIRED);
    Assertions.assertThat(TestMailServer.subjectsTo(email)).filteredOn(s -> s.contains("expires on")).hasSize(3);
    Assertions.assertThat(TestMailServer.subjectsTo(email)).anyMatch(s -> s.contains("has expired"));
  }

  /** A certificate whose returns were accepted, its reassessment started by the organisation, paid and with the assessor. */
  private ProcessInstance reassessmentInProgress(ProcessInstance monitoring) {
    for (int year = 1; year <= 2; year++) {
      moveToNextAnnualReturn(monitoring);
      submitAndReview(monitoring, true);
    }
    moveClockTo(((Date) runtimeService.getVariable(monitoring.getId(), "reassessmentInvitationAt")).toInstant());
    String reference = (String) runtimeService.getVariable(monitoring.getId(), "reassessmentReference");
    ProcessInstance reassessment = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey(CertificationProcess.KEY).singleResult();
    complete(applicant, reassessment, CertificationProcess.Elements.CONFIRM_REGISTRATION, Map.of());
    runAsyncJobs();
    complete("finance1", reassessment, CONFIRM_PAYMENT, Map.of("paymentReceived", true, "paymentReference", "BACS 11"));
    runAsyncJobs();
    complete(applicant, reassessment, "completeSelfAssessment", selfAssessment(allIndicatorsUpTo("developing")));
    complete("support1", reassessment, "reviewSelfAssessment", Map.of("readyForAssessment", true));
    runAsyncJobs();
    assertThat(reassessment).isWaitingAt(ASSESS_EVIDENCE);
    return reassessment;
  }

  @Test
  void shouldKeepTheCertificateValidWhileItsReassessmentIsDecidedThenRenew() {
    // given a reassessment the organisation started on time, still undecided
    ProcessInstance instance = certifiedCase();
    ProcessInstance monitoring = monitoring(instance);
    String number = certificateNumber(instance);
    ProcessInstance reassessment = reassessmentInProgress(monitoring);

    // when the certificate reaches its end of validity
    moveClockTo(((Date) runtimeService.getVariable(monitoring.getId(), "certificateEndsAt")).toInstant());

    // then it stays valid, for the configured grace (6 months) at most, and nobody is told it expired
    assertThat(monitoring).isWaitingAt(AWAIT_REASSESSMENT_DECISION);
    Certificate kept = certificate(number);
    LocalDate today = LocalDate.ofInstant(ClockUtil.now().toInstant(), MonitoringSchedule.ZONE);
    Assertions.assertThat(today).isAfter(kept.expiresOn());
    Assertions.assertThat(kept.state()).isEqualTo(CertificateState.ACTIVE);
    Assertions.assertThat(kept.isCurrentOn(today)).isTrue();
    Assertions.assertThat(kept.isInReassessmentGraceOn(today)).isTrue();
    Assertions.assertThat(kept.reassessmentValidUntil()).isEqualTo(kept.expiresOn().plusMonths(6));
    Assertions.assertThat(TestMailServer.subjectsTo(email)).noneMatch(s -> s.contains("has expired"));

    // when the reassessment is certified
    complete(leadAssessor(reassessment), reassessment, ASSESS_EVIDENCE, assessment(false, allIndicatorsUpTo("developing")));
    complete("panel1", reassessment, APPROVE_CERTIFICATION, Map.of("panelDecision", "approve"));
    runAsyncJobs();

    // then the old certificate ends at once, renewed by the new one
    String renewal = certificateNumber(reassessment);
    assertThat(monitoring).isEnded().hasPassed(REASSESSMENT_DECIDED, CERTIFICATE_RENEWED).hasNotPassed(CERTIFICATE_EXPIRED);
    Assertions.assertThat(certificate(number).state()).isEqualTo(CertificateState.EXPIRED);
    Assertions.assertThat(certificate(number).stateReason()).contains("renewed by certificate " + renewal);
    Assertions.assertThat(certificate(renewal).state()).isEqualTo(CertificateState.ACTIVE);
  }

  @Test
  void shouldExpireWhenTheGraceEndsBeforeTheReassessmentIsDecided() {
    // given a certificate kept valid by its reassessment in progress
    ProcessInstance instance = certifiedCase();
    ProcessInstance monitoring = monitoring(instance);
    String number = certificateNumber(instance);
    reassessmentInProgress(monitoring);
    moveClockTo(((Date) runtimeService.getVariable(monitoring.getId(), "certificateEndsAt")).toInstant());
    assertThat(monitoring).isWaitingAt(AWAIT_REASSESSMENT_DECISION);

    // when the grace ends with the reassessment still undecided
    moveClockTo(((Date) runtimeService.getVariable(monitoring.getId(), "reassessmentGraceEndsAt")).toInstant());

    // then it has expired, and the organisation is told
    assertThat(monitoring).isEnded().hasPassed(REASSESSMENT_GRACE_OVER, CERTIFICATE_EXPIRED);
    Assertions.assertThat(certificate(number).state()).isEqualTo(CertificateState.EXPIRED);
    Assertions.assertThat(certificates.history(number)).extracting(StateChange::reason)
        .anyMatch(r -> r.startsWith("Valid while its reassessment is in progress"))
        .last().asString().contains("did not renew it within the grace");
    Assertions.assertThat(TestMailServer.subjectsTo(email)).anyMatch(s -> s.contains("has expired"));
  }

  @Test
  void shouldRejectFiguresThatAreNotCountsByEthnicCategory() {
    // given
    ProcessInstance instance = certifiedCase();
    ProcessInstance monitoring = monitoring(instance);
    moveToNextAnnualReturn(monitoring);
    Map<String, Object> figures = annualReturn();
    figures.put("outcomesByEthnicGroup", "{\"Q\": {\"served\": 3, \"improved\": 5}}");
    figures.put("patientName", "Jane Doe");

    // when / then
    Assertions.assertThatThrownBy(() -> complete(applicant, monitoring, SUBMIT_ANNUAL_RETURN, figures))
        .isInstanceOf(InvalidSubmissionException.class)
        .hasMessageContaining("outcomesByEthnicGroup").hasMessageContaining("patientName");
    assertThat(monitoring).isWaitingAt(SUBMIT_ANNUAL_RETURN);
  }

  @Test
  void shouldKeepTheGridsRowsAsTheCountsOnlyFiguresOfTheContract() {
    // given an annual return open
    ProcessInstance instance = certifiedCase();
    ProcessInstance monitoring = monitoring(instance);
    moveToNextAnnualReturn(monitoring);
    Map<String, Object> grid = annualReturn();
    grid.remove("outcomesByEthnicGroup");
    grid.remove("satisfactionByEthnicGroup");
    grid.put("ethnicGroupFigures", org.camunda.spin.plugin.variable.SpinValues.jsonValue("["
        + "{\"group\": \"N\", \"served\": 57, \"improved\": 31, \"surveyed\": 20, \"satisfied\": 14},"
        + "{\"group\": \"A\", \"served\": 412, \"improved\": 260, \"surveyed\": 120, \"satisfied\": 96}]").create());

    // when the form's grid is submitted, a row per group
    complete(applicant, monitoring, SUBMIT_ANNUAL_RETURN, grid);

    // then the case keeps the two JSON objects of DOMAIN.md, in code order, and not the grid
    assertThat(monitoring).isWaitingAt(REVIEW_ANNUAL_RETURN);
    Assertions.assertThat(jsonText(monitoring, "outcomesByEthnicGroup"))
        .isEqualTo("{\"A\":{\"served\":412,\"improved\":260},\"N\":{\"served\":57,\"improved\":31}}");
    Assertions.assertThat(jsonText(monitoring, "satisfactionByEthnicGroup"))
        .isEqualTo("{\"A\":{\"surveyed\":120,\"satisfied\":96},\"N\":{\"surveyed\":20,\"satisfied\":14}}");
    Assertions.assertThat(runtimeService.getVariables(monitoring.getId())).doesNotContainKey("ethnicGroupFigures");
    Assertions.assertThat(runtimeService.getVariable(monitoring.getId(), "annualReturnFiguresText").toString())
        .contains("- A: 412 served, 260 improved");
  }

  @Test
  void shouldRefuseABadRowOfTheGridNamingTheRowAndTheField() {
    // given
    ProcessInstance instance = certifiedCase();
    ProcessInstance monitoring = monitoring(instance);
    moveToNextAnnualReturn(monitoring);
    Map<String, Object> grid = annualReturn();
    grid.remove("outcomesByEthnicGroup");
    grid.remove("satisfactionByEthnicGroup");
    grid.put("ethnicGroupFigures", org.camunda.spin.plugin.variable.SpinValues.jsonValue("["
        + "{\"group\": \"A\", \"served\": 412, \"improved\": 260, \"surveyed\": 120, \"satisfied\": 96},"
        + "{\"group\": \"H\", \"served\": 30, \"improved\": 45, \"surveyed\": 10, \"satisfied\": 4},"
        + "{\"group\": \"A\", \"served\": 1, \"improved\": 1, \"surveyed\": -2, \"satisfied\": 0}]").create());

    // when / then
    Assertions.assertThatThrownBy(() -> complete(applicant, monitoring, SUBMIT_ANNUAL_RETURN, grid))
        .isInstanceOf(InvalidSubmissionException.class)
        .satisfies(refused -> Assertions.assertThat(((InvalidSubmissionException) refused).problems())
            .containsEntry("ethnicGroupFigures[1].improved", "row 2: must be at most served (30)")
            .containsEntry("ethnicGroupFigures[2].group", "row 3: is the group of row 1 again")
            .containsKey("ethnicGroupFigures[2].surveyed")
            .doesNotContainKey("ethnicGroupFigures[0].group"));
    assertThat(monitoring).isWaitingAt(SUBMIT_ANNUAL_RETURN);
    Assertions.assertThat(runtimeService.getVariables(monitoring.getId())).doesNotContainKey("outcomesByEthnicGroup");
  }

  private String jsonText(ProcessInstance instance, String name) {
    return ((org.camunda.bpm.engine.variable.value.SerializableValue) runtimeService
        .getVariableTyped(instance.getId(), name, false)).getValueSerialized();
  }
}
