package org.equitymark.monitoring;

import static org.equitymark.monitoring.MonitoringProcess.REASSESSMENT_WAS_DECIDED;
import static org.equitymark.process.CertificationProcess.PREVIOUS_CERTIFICATE_NUMBER;
import static org.equitymark.process.CertificationProcess.REASSESSMENT;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.equitymark.certificate.Certificates;
import org.springframework.stereotype.Component;

/**
 * {@code reportReassessmentDecision}, at the end of {@code issueCertificate} and
 * {@code prepareFeedbackReport} of {@code certification}: a reassessment case tells the monitoring
 * of the certificate it renews that it is decided, so that a certificate kept valid past its expiry
 * for the reassessment ends now (renewed, or expired). Before the expiry date the monitoring only
 * notes it. Nothing happens for a first certification.
 */
@Component("reportReassessmentDecision")
class ReportReassessmentDecisionListener implements ExecutionListener {

  private final Certificates certificates;

  ReportReassessmentDecisionListener(Certificates certificates) {
    this.certificates = certificates;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String previous = PREVIOUS_CERTIFICATE_NUMBER.get(execution);
    if (!Boolean.TRUE.equals(REASSESSMENT.get(execution)) || previous == null) {
      return;
    }
    certificates.find(previous).ifPresent(certificate -> {
      RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
      ProcessInstance monitoring = runtime.createProcessInstanceQuery().processDefinitionKey(MonitoringProcess.KEY)
          .processInstanceBusinessKey(certificate.applicationReference()).singleResult();
      if (monitoring == null) {
        return;
      }
      runtime.setVariable(monitoring.getId(), REASSESSMENT_WAS_DECIDED.name(), true);
      runtime.createMessageCorrelation(MonitoringProcess.REASSESSMENT_DECIDED_MESSAGE)
          .processInstanceId(monitoring.getId()).correlateAllWithResult();
    });
  }
}
