package org.equitymark.registration;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.equitymark.process.CertificationProcess.Elements.APPLICATION_LAPSED;
import static org.equitymark.process.CertificationProcess.Elements.CALCULATE_FEE;
import static org.equitymark.process.CertificationProcess.Elements.COMPLETE_SELF_ASSESSMENT;
import static org.equitymark.process.CertificationProcess.Elements.CONFIRM_PAYMENT;
import static org.equitymark.process.CertificationProcess.Elements.PAYMENT_REMINDER_DUE;
import static org.equitymark.process.CertificationProcess.Elements.SEND_INVOICE;

import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.equitymark.framework.Frameworks;
import org.equitymark.submission.InvalidSubmissionException;
import org.equitymark.support.ProcessTestSupport;
import org.equitymark.support.TestMailServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Stage 1 of {@code certification}, through the real model: registration, fee, invoice, payment, reminders, lapse. */
class CertificationStage1ProcessTests extends ProcessTestSupport {

  @Autowired Frameworks frameworks;

  @Test
  void shouldAssignReferenceFeeAndInvoiceOnRegistration() {
    // given
    String applicant = newApplicant();
    String email = uniqueEmail();
    Map<String, Object> registration = registration(email);
    registration.put("organisationType", "voluntary-community");
    registration.put("staffCount", 8);

    // when
    ProcessInstance instance = register(applicant, registration);
    runAsyncJobs();

    // then
    Assertions.assertThat(instance.getBusinessKey()).matches("CC-\\d{4}-\\d{5}");
    assertThat(instance).isWaitingAt(CONFIRM_PAYMENT).hasPassed(CALCULATE_FEE, SEND_INVOICE);
    assertThat(instance).variables()
        .containsEntry("applicationReference", instance.getBusinessKey())
        .containsEntry("feeBand", "A")
        .containsEntry("fee", 150L)
        .containsEntry("frameworkVersion", frameworks.current().version())
        .containsEntry("registeredBy", applicant)
        .containsEntry("reassessment", false);
    Assertions.assertThat((String) runtimeService.getVariable(instance.getId(), "invoiceNumber")).matches("INV-\\d{4}-\\d{5}");
    Assertions.assertThat(TestMailServer.subjectsTo(email)).singleElement().asString().contains("invoice");
  }

  @Test
  void shouldPutTheRegisteringApplicantInTheOrganisationsGroup() {
    // given
    String applicant = newApplicant();

    // when
    ProcessInstance instance = register(applicant, registration(uniqueEmail()));

    // then
    String organisationId = (String) runtimeService.getVariable(instance.getId(), "organisationId");
    Assertions.assertThat(identityService.createUserQuery().userId(applicant)
        .memberOfGroup("org-" + organisationId).count()).isEqualTo(1);
  }

  @Test
  void shouldRegisterAWorkplaceAreaUnderTheApplicantsOwnOrganisation() {
    // given an applicant whose organisation is registered
    String applicant = newApplicant();
    ProcessInstance first = register(applicant, registration(uniqueEmail()));
    Map<String, Object> area = registration(uniqueEmail());
    area.put("organisationName", "Another name typed by hand");
    area.put("workplaceArea", "Community Mental Health Team North");

    // when
    ProcessInstance second = register(applicant, area);

    // then
    Assertions.assertThat(runtimeService.getVariable(second.getId(), "organisationId"))
        .isEqualTo(runtimeService.getVariable(first.getId(), "organisationId"));
    Assertions.assertThat(runtimeService.getVariable(second.getId(), "organisationName"))
        .isEqualTo("Brookside Mental Health Services");
    Assertions.assertThat(second.getBusinessKey()).isNotEqualTo(first.getBusinessKey());
  }

  @Test
  void shouldRefuseARegistrationForAnotherApplicantsOrganisation() {
    // given
    ProcessInstance theirs = register(newApplicant(), registration(uniqueEmail()));
    Map<String, Object> registration = registration(uniqueEmail());
    registration.put("organisationId", runtimeService.getVariable(theirs.getId(), "organisationId"));
    long before = runtimeService.createProcessInstanceQuery().count();

    // when / then
    Assertions.assertThatThrownBy(() -> register(newApplicant(), registration))
        .isInstanceOf(InvalidSubmissionException.class)
        .hasMessageContaining("organisationId is not an organisation you act for");
    Assertions.assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void shouldRejectAnInvalidRegistrationAndStartNothing() {
    // given
    Map<String, Object> registration = registration("not-an-email");
    registration.put("staffCount", -3);
    registration.put("targetLevel", "platinum");
    registration.put("fee", 0);
    long before = runtimeService.createProcessInstanceQuery().count();

    // when / then
    Assertions.assertThatThrownBy(() -> register(newApplicant(), registration))
        .isInstanceOfSatisfying(InvalidSubmissionException.class, e -> Assertions.assertThat(e.problems())
            .containsKeys("contactEmail", "staffCount", "targetLevel", "fee"));
    Assertions.assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void shouldInviteTheSelfAssessmentOncePaid() {
    // given
    String email = uniqueEmail();
    ProcessInstance instance = register(newApplicant(), registration(email));
    runAsyncJobs();

    // when
    complete("finance1", instance, CONFIRM_PAYMENT,
        Map.of("paymentReceived", true, "feeWaived", false, "paymentReference", "BACS 1234"));
    runAsyncJobs();

    // then
    assertThat(instance).isWaitingAt(COMPLETE_SELF_ASSESSMENT);
    assertThat(instance).variables().containsEntry("paymentConfirmedBy", "finance1");
    assertThat(instance).task().hasCandidateGroup("org-" + runtimeService.getVariable(instance.getId(), "organisationId"));
    Assertions.assertThat(TestMailServer.subjectsTo(email)).anyMatch(s -> s.contains("self-assessment is open"));
  }

  @Test
  void shouldAcceptAWaiverWithAReason() {
    // given
    ProcessInstance instance = register(newApplicant(), registration(uniqueEmail()));
    runAsyncJobs();

    // when
    complete("finance1", instance, CONFIRM_PAYMENT,
        Map.of("paymentReceived", false, "feeWaived", true, "paymentReference", "Small community group"));
    runAsyncJobs();

    // then
    assertThat(instance).isWaitingAt(COMPLETE_SELF_ASSESSMENT);
  }

  @Test
  void shouldKeepThePaymentTaskOpenWhenNeitherPaidNorWaived() {
    // given
    ProcessInstance instance = register(newApplicant(), registration(uniqueEmail()));
    runAsyncJobs();

    // when / then
    Assertions.assertThatThrownBy(() -> complete("finance1", instance, CONFIRM_PAYMENT,
            Map.of("paymentReceived", false, "feeWaived", false)))
        .isInstanceOf(InvalidSubmissionException.class)
        .hasMessageContaining("paymentReceived");
    Assertions.assertThatThrownBy(() -> complete("finance1", instance, CONFIRM_PAYMENT,
            Map.of("paymentReceived", true, "paymentReference", "x", "organisationId", "9999")))
        .isInstanceOf(InvalidSubmissionException.class)
        .hasMessageContaining("organisationId is not a field of this form");
    assertThat(instance).isWaitingAt(CONFIRM_PAYMENT);
    Assertions.assertThat(runtimeService.getVariable(instance.getId(), "paymentReceived")).isNull();
  }

  @Test
  void shouldRemindEveryFourteenDaysWhileUnpaid() {
    // given
    String email = uniqueEmail();
    ProcessInstance instance = register(newApplicant(), registration(email));
    runAsyncJobs();

    // when
    moveClockBy(Duration.ofDays(14).plusMinutes(1));
    moveClockBy(Duration.ofDays(14));

    // then
    assertThat(instance).isWaitingAt(CONFIRM_PAYMENT).hasPassed(PAYMENT_REMINDER_DUE);
    Assertions.assertThat(TestMailServer.subjectsTo(email)).filteredOn(s -> s.contains("payment reminder")).hasSize(2);
  }

  @Test
  void shouldLapseAfterSixtyDaysUnpaid() {
    // given
    String email = uniqueEmail();
    ProcessInstance instance = register(newApplicant(), registration(email));
    runAsyncJobs();

    // when
    for (int week = 0; week < 9; week++) {
      moveClockBy(Duration.ofDays(7));
    }

    // then
    assertThat(instance).isEnded().hasPassed(APPLICATION_LAPSED);
    Assertions.assertThat(TestMailServer.subjectsTo(email)).anyMatch(s -> s.contains("has lapsed"));
  }
}
