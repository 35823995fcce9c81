package org.equitymark.certificate;

import static org.equitymark.process.CertificationProcess.ACHIEVED_LEVEL;
import static org.equitymark.process.CertificationProcess.APPLICATION_REFERENCE;
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
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.equitymark.certificate.FeedbackReportRequest.AreaFinding;
import org.equitymark.framework.EvidenceFramework;
import org.equitymark.framework.Frameworks;
import org.equitymark.framework.Level;
import org.equitymark.process.CertificationProcess;
import org.springframework.stereotype.Component;

/**
 * The assessor's findings per area (level reached, comment, what is missing for the target) as a PDF
 * attached to the case, in the applicant's language: the feedback report of a case not certified,
 * and the findings of one certified below its target; against the case's framework version.
 */
@Component
class FindingsReports {

  private final Frameworks frameworks;
  private final FeedbackReportPdf reports;

  FindingsReports(Frameworks frameworks, FeedbackReportPdf reports) {
    this.frameworks = frameworks;
    this.reports = reports;
  }

  /** Renders the findings and attaches them to the case under the file name; answers the findings. */
  List<AreaFinding> attach(DelegateExecution execution, String fileName, String description) {
    Level target = Level.fromId(TARGET_LEVEL.get(execution)).orElseThrow();
    EvidenceFramework framework = frameworks.ofCase(FRAMEWORK_VERSION.get(execution));
    String language = PREFERRED_LANGUAGE.get(execution, "en");
    List<AreaFinding> findings = new ArrayList<>();
    for (EvidenceFramework.Area area : framework.areas()) {
      Set<String> confirmed = Set.copyOf(CertificationProcess.confirmedIndicators(area.id()).get(execution, List.of()));
      List<String> missing = area.indicators().stream()
          .filter(i -> target.atLeast(i.levelValue()) && !confirmed.contains(i.id()))
          .map(i -> i.levelValue().displayName() + ": " + i.text(language))
          .toList();
      findings.add(new AreaFinding(area.id(),
          Level.fromId(CertificationProcess.level(area.id()).get(execution, "none")).orElseThrow(),
          CertificationProcess.assessorComment(area.id()).get(execution), missing));
    }
    byte[] pdf = reports.render(new FeedbackReportRequest(APPLICATION_REFERENCE.get(execution),
        ORGANISATION_NAME.get(execution), WORKPLACE_AREA.get(execution), FRAMEWORK_VERSION.get(execution),
        LocalDate.ofInstant(ClockUtil.now().toInstant(), ZoneOffset.UTC), target,
        Level.fromId(ACHIEVED_LEVEL.get(execution)).orElseThrow(), findings), language(execution));
    CaseDocuments.attachPdf(execution, fileName, description, pdf);
    return findings;
  }

  static Locale language(DelegateExecution execution) {
    return Locale.forLanguageTag(PREFERRED_LANGUAGE.get(execution, "en"));
  }
}
