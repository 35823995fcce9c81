package org.equitymark.monitoring;

import static org.equitymark.process.CertificationProcess.CERTIFICATE_NUMBER;
import static org.equitymark.process.CertificationProcess.CERTIFICATE_REVOKED_MESSAGE;
import static org.equitymark.process.CertificationProcess.REVOCATION_REASON;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.equitymark.certificate.Certificate;
import org.equitymark.certificate.Certificates;
import org.equitymark.submission.SubmissionValidator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Process {@code certificate-revocation}: a scheme manager revokes a certificate through the start
 * form {@code revoke-certificate} in Tasklist. The start ({@code requestRevocation}) checks the
 * form, the user and that the certificate is under monitoring, so a mistake is answered at once;
 * {@code sendRevocation} (asynchronous) then sends the message {@code CertificateRevoked} to it.
 */
@Configuration
class RevocationRequest {

  static final String KEY = "certificate-revocation";
  static final String START_EVENT = "revocationRequested";

  @Bean("requestRevocation")
  ExecutionListener requestRevocation(SubmissionValidator validator, RevocationRequestForm form,
      Certificates certificates) {
    return execution -> {
      validator.check(form, execution);
      Certificate certificate = certificates.find(CERTIFICATE_NUMBER.get(execution).strip()).orElseThrow();
      execution.setProcessBusinessKey("RV-" + certificate.certificateNumber());
    };
  }

  @Bean("sendRevocation")
  JavaDelegate sendRevocation(Certificates certificates) {
    return (DelegateExecution execution) -> {
      Certificate certificate = certificates.find(CERTIFICATE_NUMBER.get(execution).strip()).orElseThrow();
      execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation(CERTIFICATE_REVOKED_MESSAGE)
          .processInstanceBusinessKey(certificate.applicationReference())
          .setVariable(REVOCATION_REASON.name(), REVOCATION_REASON.get(execution))
          .correlateWithResult();
    };
  }

  static boolean isMonitored(RuntimeService runtimeService, Certificate certificate) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(certificate.applicationReference())
        .list().stream().anyMatch(instance -> runtimeService.createEventSubscriptionQuery()
            .processInstanceId(instance.getId()).eventType("message").eventName(CERTIFICATE_REVOKED_MESSAGE).count() > 0);
  }
}
