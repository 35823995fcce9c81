package org.equitymark.certificate;

import static org.equitymark.process.CertificationProcess.ACHIEVED_LEVEL;
import static org.equitymark.process.CertificationProcess.APPEAL_ROUNDS;
import static org.equitymark.process.CertificationProcess.APPLICATION_REFERENCE;
import static org.equitymark.process.CertificationProcess.BELOW_TARGET_FINDINGS;
import static org.equitymark.process.CertificationProcess.CERTIFICATE_EXPIRES_ON;
import static org.equitymark.process.CertificationProcess.CERTIFICATE_NUMBER;
import static org.equitymark.process.CertificationProcess.FRAMEWORK_VERSION;
import static org.equitymark.process.CertificationProcess.ORGANISATION_ID;
import static org.equitymark.process.CertificationProcess.ORGANISATION_NAME;
import static org.equitymark.process.CertificationProcess.TARGET_LEVEL;
import static org.equitymark.process.CertificationProcess.WORKPLACE_AREA;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * a second one. A certificate issued again after an upheld appeal replaces the earlier one. A case
 * certified below its target also gets the assessor's findings per area, as a document on the case
 * ({@link FindingsReports}) and in the certificate's mail ({@code belowTargetFindings}).
 */
@Component("issueCertificate")
public class IssueCertificateDelegate implements JavaDelegate {

  private final Certificates certificates;
  private final FindingsReports findingsReports;
  private final PageTexts texts;

  IssueCertificateDelegate(Certificates certificates, FindingsReports findingsReports, PageTexts texts) {
    this.certificates = certificates;
    this.findingsReports = findingsReports;
    this.texts = texts;
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
    BELOW_TARGET_FINDINGS.set(execution, certificate.level().atLeast(Level.fromId(TARGET_LEVEL.get(execution)).orElseThrow())
        ? "" : belowTarget(execution));
  }

  /** Attaches the findings of a case certified below its target; the mail's paragraph about them. */
  private String belowTarget(DelegateExecution execution) {
    String reference = APPLICATION_REFERENCE.get(execution);
    List<FeedbackReportRequest.AreaFinding> findings = findingsReports.attach(execution,
        "findings-" + reference + ".pdf", "EquityMark findings for " + reference);
    Locale locale = FindingsReports.language(execution);
    StringBuilder text = new StringBuilder(texts.get("findings.mail", locale)).append('\n');
    findings.forEach(finding -> text.append("- ").append(texts.area(finding.area(), locale)).append(": ")
        .append(texts.level(finding.levelReached(), locale)).append('\n'));
    return text.append('\n').toString();
  }
}
