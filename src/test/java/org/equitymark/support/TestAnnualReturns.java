package org.equitymark.support;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.equitymark.certificate.Certificate;
import org.equitymark.certificate.Certificates;
import org.equitymark.monitoring.MonitoringProcess;
import org.equitymark.numbering.SequenceNumbers;
import org.equitymark.registration.Organisations;
import org.springframework.transaction.PlatformTransactionManager;

/** An annual return open for a newly certified organisation ({@link TestCertificates}), for tests of the return's form. */
public final class TestAnnualReturns {

  /** The open return: its task, the monitoring instance, and the organisation whose applicants may work it. */
  public record Open(String taskId, String processInstanceId, String organisationId) {
  }

  private TestAnnualReturns() {
  }

  public static Open open(String name, String preferredLanguage, Organisations organisations, SequenceNumbers numbers,
      Certificates certificates, PlatformTransactionManager transactionManager, RuntimeService runtimeService,
      TaskService taskService) {
    String number = TestCertificates.certify(name, organisations, numbers, certificates, transactionManager);
    Certificate certificate = certificates.find(number).orElseThrow();
    ProcessInstance monitoring = runtimeService.createProcessInstanceByKey(MonitoringProcess.KEY)
        .businessKey(certificate.applicationReference())
        .startBeforeActivity(MonitoringProcess.Elements.SUBMIT_ANNUAL_RETURN)
        .setVariables(Map.of("organisationId", certificate.organisationId(), "organisationName",
            certificate.organisationName(), "applicationReference", certificate.applicationReference(),
            "certificateNumber", number, "annualReturnYear", 1L, "annualReturnDueOn", "2027-01-31",
            "preferredLanguage", preferredLanguage))
        .execute();
    String taskId = taskService.createTaskQuery().processInstanceId(monitoring.getId()).singleResult().getId();
    return new Open(taskId, monitoring.getId(), certificate.organisationId());
  }
}
