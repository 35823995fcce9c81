package org.equitymark.certificate;

import static org.equitymark.process.CertificationProcess.ACHIEVED_LEVEL;
import static org.equitymark.process.CertificationProcess.APPLICATION_REFERENCE;
import static org.equitymark.process.CertificationProcess.CERTIFICATE_NUMBER;
import static org.equitymark.process.CertificationProcess.FRAMEWORK_VERSION;
import static org.equitymark.process.CertificationProcess.ORGANISATION_NAME;
import static org.equitymark.process.CertificationProcess.PREFERRED_LANGUAGE;
import static org.equitymark.process.CertificationProcess.TARGET_LEVEL;
import static org.equitymark.process.CertificationProcess.WORKPLACE_AREA;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.equitymark.certificate.FeedbackReportRequest.AreaFinding;
import org.equitymark.framework.EvidenceFramework;
import org.equitymark.framework.Level;
import org.equitymark.process.CertificationProcess;
import org.springframework.stereotype.Component;

/**
 * {@code prepareFeedbackReport} (asynchronous): for an organisation not certified, a PDF report of
 * the findings per area (level reached, the assessor's comment, what is missing for the target),
 * attached to the case. A certificate from before an upheld appeal is revoked.
 */
@Component("prepareFeedbackReport")
public class PrepareFeedbackReportDelegate implements JavaDelegate {

  private final EvidenceFramework framework;
  private final FeedbackReportPdf reports;
  private final Certificates certificates;

  public PrepareFeedbackReportDelegate(EvidenceFramework framework, FeedbackReportPdf reports,
      Certificates certificates) {
    this.framework = framework;
    this.reports = reports;
    this.certificates = certificates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Level target = Level.fromId(TARGET_LEVEL.get(execution)).orElseThrow();
    List<AreaFinding> findings = new ArrayList<>();
    for (EvidenceFramework.Area area : framework.areas()) {
      Set<String> confirmed = Set.copyOf(CertificationProcess.confirmedIndicators(area.id()).get(execution, List.of()));
      List<String> missing = area.indicators().stream()
          .filter(i -> target.atLeast(i.levelValue()) && !confirmed.contains(i.id()))
          .map(i -> i.levelValue().displayName() + ": " + i.text())
          .toList();
      findings.add(new AreaFinding(area.id(),
          Level.fromId(CertificationProcess.level(area.id()).get(execution, "none")).orElseThrow(),
          CertificationProcess.assessorComment(area.id()).get(execution), missing));
    }
    String reference = APPLICATION_REFERENCE.get(execution);
    byte[] pdf = reports.render(new FeedbackReportRequest(reference, ORGANISATION_NAME.get(execution),
        WORKPLACE_AREA.get(execution), FRAMEWORK_VERSION.get(execution),
        LocalDate.ofInstant(ClockUtil.now().toInstant(), ZoneOffset.UTC), target,
        Level.fromId(ACHIEVED_LEVEL.get(execution)).orElseThrow(), findings),
        Locale.forLanguageTag(PREFERRED_LANGUAGE.get(execution, "en")));
    CaseDocuments.attachPdf(execution, "feedback-report-" + reference + ".pdf",
        "EquityMark feedback report for " + reference, pdf);

    String previous = CERTIFICATE_NUMBER.get(execution);
    if (previous != null) {
      certificates.changeState(previous, CertificateState.REVOKED, "Not certified after an upheld appeal");
    }
  }
}
