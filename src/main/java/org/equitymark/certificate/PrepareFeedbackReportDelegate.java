package org.equitymark.certificate;

import static org.equitymark.process.CertificationProcess.APPLICATION_REFERENCE;
import static org.equitymark.process.CertificationProcess.CERTIFICATE_NUMBER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code prepareFeedbackReport} (asynchronous): for an organisation not certified, a PDF report of
 * the findings per area (level reached, the assessor's comment, what is missing for the target),
 * attached to the case ({@link FindingsReports}). A certificate from before an upheld appeal is revoked.
 */
@Component("prepareFeedbackReport")
public class PrepareFeedbackReportDelegate implements JavaDelegate {

  private final FindingsReports findings;
  private final Certificates certificates;

  PrepareFeedbackReportDelegate(FindingsReports findings, Certificates certificates) {
    this.findings = findings;
    this.certificates = certificates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = APPLICATION_REFERENCE.get(execution);
    findings.attach(execution, "feedback-report-" + reference + ".pdf", "EquityMark feedback report for " + reference);

    String previous = CERTIFICATE_NUMBER.get(execution);
    if (previous != null) {
      certificates.changeState(previous, CertificateState.REVOKED, "Not certified after an upheld appeal");
    }
  }
}
