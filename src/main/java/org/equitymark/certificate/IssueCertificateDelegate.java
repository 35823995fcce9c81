package org.equitymark.certificate;

import static org.equitymark.process.CertificationProcess.ACHIEVED_LEVEL;
import static org.equitymark.process.CertificationProcess.APPEAL_ROUNDS;
import static org.equitymark.process.CertificationProcess.APPLICATION_REFERENCE;
import static org.equitymark.process.CertificationProcess.CERTIFICATE_EXPIRES_ON;
import static org.equitymark.process.CertificationProcess.CERTIFICATE_NUMBER;
import static org.equitymark.process.CertificationProcess.FRAMEWORK_VERSION;
import static org.equitymark.process.CertificationProcess.ORGANISATION_ID;
import static org.equitymark.process.CertificationProcess.ORGANISATION_NAME;
import static org.equitymark.process.CertificationProcess.WORKPLACE_AREA;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.equitymark.framework.EvidenceFramework;
import org.equitymark.framework.Level;
import org.equitymark.process.CertificationProcess;
import org.springframework.stereotype.Component;

/**
 * {@code issueCertificate} (asynchronous, retried): issues the certificate, stores it with its PDF,
 * publishes it on the register and attaches it to the case, all in one transaction. Idempotent:
 * the issue key (case and appeal round) always gives the same certificate, so a retry never issues
 * a second one. A certificate issued again after an upheld appeal replaces the earlier one.
 */
@Component("issueCertificate")
public class IssueCertificateDelegate implements JavaDelegate {

  private final Certificates certificates;

  public IssueCertificateDelegate(Certificates certificates) {
    this.certificates = certificates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Level> areaLevels = new LinkedHashMap<>();
    for (String area : EvidenceFramework.AREA_IDS) {
      areaLevels.put(area, Level.fromId(CertificationProcess.level(area).get(execution)).orElseThrow());
    }
    Certificate certificate = certificates.issue(new CertificateRequest(
        execution.getProcessInstanceId() + "/" + APPEAL_ROUNDS.get(execution, 0L),
        APPLICATION_REFERENCE.get(execution), execution.getProcessInstanceId(),
        ORGANISATION_ID.get(execution), ORGANISATION_NAME.get(execution), WORKPLACE_AREA.get(execution),
        Level.fromId(ACHIEVED_LEVEL.get(execution)).orElseThrow(), areaLevels, FRAMEWORK_VERSION.get(execution)));

    String previous = CERTIFICATE_NUMBER.get(execution);
    if (previous != null && !previous.equals(certificate.certificateNumber())) {
      certificates.changeState(previous, CertificateState.REVOKED,
          "Replaced by " + certificate.certificateNumber() + " after an upheld appeal");
    }
    CERTIFICATE_NUMBER.set(execution, certificate.certificateNumber());
    CERTIFICATE_EXPIRES_ON.set(execution, certificate.expiresOn().toString());
    CaseDocuments.attachPdf(execution, certificate.certificateNumber() + ".pdf",
        "EquityMark certificate " + certificate.certificateNumber(),
        certificates.pdf(certificate.certificateNumber()).orElseThrow());
  }
}
