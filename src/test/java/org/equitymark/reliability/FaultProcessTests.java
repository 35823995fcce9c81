package org.equitymark.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.equitymark.process.CertificationProcess.Elements.APPROVE_CERTIFICATION;
import static org.equitymark.process.CertificationProcess.Elements.ASSESS_EVIDENCE;
import static org.equitymark.process.CertificationProcess.Elements.CONFIRM_PAYMENT;
import static org.equitymark.process.CertificationProcess.Elements.ISSUE_CERTIFICATE;
import static org.equitymark.process.CertificationProcess.Elements.SEND_INVOICE;

import java.io.IOException;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.equitymark.support.ProcessTestSupport;
import org.equitymark.support.TestMailServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Faults of the outside world and of our own steps: the mail server down, a delegate failing
 * half-way. The steps are retried, an incident shows after the configured retries, resolving it
 * completes the case, and nothing half-done is left behind.
 */
class FaultProcessTests extends ProcessTestSupport {

  @Autowired JavaMailSenderImpl mailSender;
  @Autowired JdbcTemplate jdbc;

  @Test
  void shouldRetryAMailWhileTheServerIsDownRaiseAnIncidentAndCompleteTheCaseWhenResolved() throws IOException {
    // given the mail server is down
    String email = uniqueEmail();
    int port = mailSender.getPort();
    mailSender.setPort(TestMailServer.deadPort());
    try {
      // when a registration's invoice is to be mailed
      ProcessInstance instance = register(newApplicant(), registration(email));
      Job job = managementService.createJobQuery().processInstanceId(instance.getId()).activityId(SEND_INVOICE)
          .singleResult();

      // then the step fails and is retried as configured (5 times), then becomes an incident
      int attempts = 0;
      while (managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries() > 0) {
        assertThatThrownBy(() -> managementService.executeJob(job.getId())).isNotNull();
        attempts++;
        assertThat(attempts).isLessThanOrEqualTo(10);
      }
      assertThat(attempts).isEqualTo(5);
      Incident incident = runtimeService.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
      assertThat(incident.getActivityId()).isEqualTo(SEND_INVOICE);
      assertThat(incident.getIncidentMessage()).isNotBlank();
      assertThat(TestMailServer.to(email)).isEmpty();
      assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();

      // when the server is back and a scheme manager retries (Cockpit's "retry": retries set again)
      mailSender.setPort(port);
      managementService.setJobRetries(job.getId(), 1);
      managementService.executeJob(job.getId());

      // then the incident is resolved, the mail went once, and the case goes on to finance
      assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
      assertThat(TestMailServer.to(email)).hasSize(1);
      assertThat(task(instance, CONFIRM_PAYMENT)).isNotNull();
    } finally {
      mailSender.setPort(port);
    }
  }

  @Test
  void shouldLeaveNoHalfWrittenCertificateWhenIssuingFailsHalfWay() {
    // given an approved case whose certificate is about to be issued
    String applicant = newApplicant();
    ProcessInstance instance = caseReadyForAssessment(applicant, uniqueEmail(), "foundation",
        allIndicatorsUpTo("foundation"));
    complete(leadAssessor(instance), instance, ASSESS_EVIDENCE, assessment(false, allIndicatorsUpTo("foundation")));
    complete("panel1", instance, APPROVE_CERTIFICATION, java.util.Map.of("panelDecision", "approve"));
    Job issue = managementService.createJobQuery().processInstanceId(instance.getId()).activityId(ISSUE_CERTIFICATE)
        .singleResult();
    String reference = instance.getBusinessKey();
    // the delegate writes the certificate first, then revokes the case's earlier one: make that fail
    runtimeService.setVariable(instance.getId(), "certificateNumber", "EM-1999-99999");

    // when the step fails after the certificate row was written
    assertThatThrownBy(() -> managementService.executeJob(issue.getId())).isNotNull();

    // then nothing of it is left: no certificate, no areas, no history, no variable, no attachment
    assertThat(certificatesOf(reference)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from em_certificate_area a where not exists "
        + "(select 1 from em_certificate c where c.certificate_number = a.certificate_number)", Integer.class)).isZero();
    assertThat(runtimeService.getVariable(instance.getId(), "certificateNumber")).isEqualTo("EM-1999-99999");
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(managementService.createJobQuery().jobId(issue.getId()).singleResult().getRetries()).isEqualTo(4);

    // when the cause is removed and the step retried
    runtimeService.removeVariable(instance.getId(), "certificateNumber");
    managementService.executeJob(issue.getId());

    // then exactly one certificate exists, and the case goes on
    assertThat(certificatesOf(reference)).isEqualTo(1);
    assertThat(runtimeService.getVariable(instance.getId(), "certificateNumber")).asString().matches("EM-\\d{4}-\\d{5}");
  }

  private int certificatesOf(String reference) {
    return jdbc.queryForObject("select count(*) from em_certificate where application_reference = ?", Integer.class,
        reference);
  }
}
