package org.equitymark.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.equitymark.process.CertificationProcess.Elements.APPROVE_CERTIFICATION;
import static org.equitymark.process.CertificationProcess.Elements.ASSESS_EVIDENCE;
import static org.equitymark.process.CertificationProcess.Elements.CONFIRM_PAYMENT;
import static org.equitymark.process.CertificationProcess.Elements.ISSUE_CERTIFICATE;
import static org.equitymark.process.CertificationProcess.Elements.SEND_INVOICE;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.equitymark.notification.OutboxDelivery;
import org.equitymark.support.ProcessTestSupport;
import org.equitymark.support.TestMailServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Faults of the outside world and of our own steps: the mail server down, a step's commit failing
 * after its mail, a delegate failing half-way. A mail waits in the outbox and is retried until it
 * goes, once; a failed step is retried and leaves nothing half-done behind.
 */
class FaultProcessTests extends ProcessTestSupport {

  @Autowired JavaMailSenderImpl mailSender;
  @Autowired JdbcTemplate jdbc;
  @Autowired OutboxDelivery delivery;
  @Autowired MeterRegistry meters;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void shouldKeepAMailWhileTheServerIsDownRetryItLaterAndDeliverItExactlyOnce() throws IOException {
    // given the mail server is down
    String email = uniqueEmail();
    int port = mailSender.getPort();
    mailSender.setPort(TestMailServer.deadPort());
    try {
      // when a registration's invoice is to be mailed
      ProcessInstance instance = register(newApplicant(), registration(email));
      runAsyncJobs();

      // then the step is done and the case goes on to finance; the mail waits in the outbox
      assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
      assertThat(task(instance, CONFIRM_PAYMENT)).isNotNull();
      assertThat(TestMailServer.to(email)).isEmpty();
      assertThat(outboxRow(instance, "attempts")).isEqualTo(1);
      assertThat(outboxRow(instance, "last_error")).asString().isNotBlank();
      assertThat(delivery.deliverDue()).as("not due before its retry delay").isZero();

      // when it keeps failing: tried again after each delay (1, 2, 4, 8 minutes: doubling)
      for (int attempt = 1; attempt < 5; attempt++) {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plus(delivery.delayAfter(attempt))));
        assertThat(delivery.deliverDue()).isZero();
        assertThat(outboxRow(instance, "attempts")).isEqualTo(attempt + 1);
      }

      // then it shows to operators as a failing mail (and an ERROR line), still unsent
      assertThat(meters.get("equitymark.mail.outbox.failing").gauge().value()).isGreaterThanOrEqualTo(1);
      assertThat(TestMailServer.to(email)).isEmpty();

      // when the server is back and the next retry is due
      mailSender.setPort(port);
      ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plus(delivery.delayAfter(5))));
      delivery.deliverDue();
      delivery.deliverDue();

      // then the mail went exactly once, and is marked sent
      assertThat(TestMailServer.subjectsTo(email)).singleElement().asString().contains("invoice");
      assertThat(outboxRow(instance, "sent_at")).isNotNull();
      assertThat(outboxRow(instance, "attempts")).isEqualTo(6);
    } finally {
      mailSender.setPort(port);
    }
  }

  @Test
  void shouldMailOnceWhenTheStepsCommitFailsAfterTheMailWasHandedOver() {
    // given a registration whose invoice step is due
    String email = uniqueEmail();
    ProcessInstance instance = register(newApplicant(), registration(email));
    Job job = managementService.createJobQuery().processInstanceId(instance.getId()).activityId(SEND_INVOICE)
        .singleResult();

    // when the step runs but its transaction does not commit (the node dies, the database is away)
    new TransactionTemplate(transactions).executeWithoutResult(transaction -> {
      managementService.executeJob(job.getId());
      transaction.setRollbackOnly();
    });

    // then no mail went (it used to go before the commit), and the step is still to do
    assertThat(TestMailServer.to(email)).isEmpty();
    assertThat(managementService.createJobQuery().jobId(job.getId()).count()).isOne();

    // when the step runs again and commits
    managementService.executeJob(job.getId());

    // then the mail went exactly once, recorded once
    assertThat(TestMailServer.subjectsTo(email)).singleElement().asString().contains("invoice");
    assertThat(jdbc.queryForObject("select count(*) from em_mail_outbox where case_key = ?", Integer.class,
        instance.getBusinessKey())).isOne();
  }

  private Object outboxRow(ProcessInstance instance, String column) {
    return jdbc.queryForObject("select " + column + " from em_mail_outbox where case_key = ? and step = ?",
        Object.class, instance.getBusinessKey(), SEND_INVOICE);
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
