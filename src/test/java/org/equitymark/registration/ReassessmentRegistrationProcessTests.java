package org.equitymark.registration;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.equitymark.process.CertificationProcess.Elements.CALCULATE_FEE;
import static org.equitymark.process.CertificationProcess.Elements.CONFIRM_PAYMENT;
import static org.equitymark.process.CertificationProcess.Elements.CONFIRM_REGISTRATION;

import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.equitymark.process.CertificationProcess;
import org.equitymark.submission.InvalidSubmissionException;
import org.equitymark.support.ProcessTestSupport;
import org.equitymark.support.TestMailServer;
import org.junit.jupiter.api.Test;

/**
 * A reassessment starts with the organisation confirming or changing its registration (target
 * level, staff count, contact) under the registration form's rules; the fee (DMN fee-band) is
 * computed from what it confirmed, not from the facts of three years ago.
 */
class ReassessmentRegistrationProcessTests extends ProcessTestSupport {

  private String applicant;
  private String email;

  /** A reassessment as monitoring starts it (the engine, no user): the first case's registration, the old certificate linked. */
  private ProcessInstance reassessment() {
    applicant = newApplicant();
    email = uniqueEmail();
    ProcessInstance first = register(applicant, registration(email));
    Map<String, Object> variables = new HashMap<>(registration(email));
    variables.put("organisationId", runtimeService.getVariable(first.getId(), "organisationId"));
    variables.put("reassessment", true);
    variables.put("previousCertificateNumber", "EM-2023-00042");
    variables.put("previousLevel", "developing");
    return runtimeService.startProcessInstanceByKey(CertificationProcess.KEY, variables);
  }

  @Test
  void shouldInvoiceAHigherTargetAndLargerStaffAtTheNewFee() {
    // given a reassessment of a case registered at developing with 120 staff (band D)
    ProcessInstance instance = reassessment();

    // then nothing is invoiced before the organisation has confirmed its registration, prefilled with the old one
    assertThat(instance).isWaitingAt(CONFIRM_REGISTRATION).hasNotPassed(CALCULATE_FEE);
    Assertions.assertThat(runtimeService.getVariable(instance.getId(), "fee")).isNull();
    Assertions.assertThat(taskService.getVariables(task(instance, CONFIRM_REGISTRATION).getId()))
        .containsEntry("targetLevel", "developing").containsEntry("staffCount", 120)
        .containsEntry("contactEmail", email);
    Assertions.assertThat(TestMailServer.subjectsTo(email)).noneMatch(s -> s.contains("invoice"));

    // when it aims higher, has grown, and names a new contact
    String newEmail = uniqueEmail();
    complete(applicant, instance, CONFIRM_REGISTRATION, Map.of("targetLevel", "excellence", "staffCount", 300,
        "contactName", "Sam Okafor", "contactEmail", newEmail));
    runAsyncJobs();

    // then the fee is the new band's, and the case goes on with the confirmed values
    assertThat(instance).isWaitingAt(CONFIRM_PAYMENT).variables()
        .containsEntry("targetLevel", "excellence").containsEntry("staffCount", 300)
        .containsEntry("feeBand", "E").containsEntry("fee", 2500L).containsEntry("contactEmail", newEmail);
    Assertions.assertThat(TestMailServer.subjectsTo(newEmail)).anyMatch(s -> s.toLowerCase().contains("invoice"));
  }

  @Test
  void shouldKeepTheRegistrationWhenConfirmedUnchanged() {
    // given
    ProcessInstance instance = reassessment();

    // when the organisation confirms without changing anything
    complete(applicant, instance, CONFIRM_REGISTRATION, Map.of());
    runAsyncJobs();

    // then the old band's fee
    assertThat(instance).isWaitingAt(CONFIRM_PAYMENT).variables()
        .containsEntry("targetLevel", "developing").containsEntry("feeBand", "D").containsEntry("fee", 1200L);
  }

  @Test
  void shouldRefuseWhatTheRegistrationFormRefuses() {
    // given
    ProcessInstance instance = reassessment();

    // when / then: the registration form's rules, and only its changeable fields
    Assertions.assertThatThrownBy(() -> complete(applicant, instance, CONFIRM_REGISTRATION,
            Map.of("targetLevel", "platinum", "staffCount", -5, "contactEmail", "not an address")))
        .isInstanceOf(InvalidSubmissionException.class)
        .hasMessageContaining("targetLevel").hasMessageContaining("staffCount").hasMessageContaining("contactEmail");
    Assertions.assertThatThrownBy(() -> complete(applicant, instance, CONFIRM_REGISTRATION,
            Map.of("organisationType", "voluntary-community", "staffCount", 5)))
        .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("organisationType");

    // and nothing changed
    assertThat(instance).isWaitingAt(CONFIRM_REGISTRATION).variables()
        .containsEntry("targetLevel", "developing").containsEntry("staffCount", 120)
        .containsEntry("organisationType", "independent-provider");
  }

  @Test
  void shouldNotAskAFirstRegistrationToConfirmAgain() {
    // when / then
    ProcessInstance first = register(newApplicant(), registration(uniqueEmail()));
    runAsyncJobs();
    assertThat(first).isWaitingAt(CONFIRM_PAYMENT).hasNotPassed(CONFIRM_REGISTRATION);
  }
}
