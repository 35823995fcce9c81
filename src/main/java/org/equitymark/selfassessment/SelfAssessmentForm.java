package org.equitymark.selfassessment;

import static org.equitymark.process.CertificationProcess.FRAMEWORK_VERSION;
import static org.equitymark.submission.Field.optional;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.equitymark.framework.EvidenceFramework;
import org.equitymark.framework.Frameworks;
import org.equitymark.process.CertificationProcess;
import org.equitymark.process.JsonLists;
import org.equitymark.submission.Checks;
import org.equitymark.submission.Field;
import org.equitymark.submission.Problems;
import org.equitymark.submission.SubmissionForm;
import org.equitymark.submission.SubmissionValidator.Submission;
import org.springframework.stereotype.Component;

/**
 * {@code completeSelfAssessment}: per area, the indicators claimed (ids of that area in the case's
 * framework version), the claims ({@link Claims}: a statement and links per claimed indicator) and any
 * other evidence for the area. At least one indicator must be claimed somewhere.
 */
@Component
class SelfAssessmentForm implements SubmissionForm {

  static final int MAX_EVIDENCE = Checks.MAX_TEXT_VARIABLE;

  private final List<Field> fields = new ArrayList<>();

  private final Frameworks frameworks;

  SelfAssessmentForm(Frameworks frameworks) {
    this.frameworks = frameworks;
    for (String area : EvidenceFramework.AREA_IDS) {
      fields.add(optional(CertificationProcess.indicators(area).name(),
          Checks.jsonListOf(id -> id.matches(EvidenceFramework.indicatorIdPattern(area)),
              "indicator ids of area " + area)));
      fields.add(optional(CertificationProcess.evidence(area).name(), Checks.paragraphs(MAX_EVIDENCE)));
      fields.add(optional(CertificationProcess.claims(area).name(), value -> Checks.jsonText(value)
          .flatMap(Claims::parse).isPresent() ? Optional.empty() : Optional.of(Claims.shape())));
    }
  }

  @Override
  public String activityId() {
    return CertificationProcess.Elements.COMPLETE_SELF_ASSESSMENT;
  }

  @Override
  public List<Field> fields() {
    return fields;
  }

  /** Every claimed indicator is one of the case's framework version. */
  @Override
  public void checkCase(DelegateExecution execution, Problems problems) {
    EvidenceFramework framework = frameworks.ofCase(FRAMEWORK_VERSION.get(execution));
    CertificationProcess.claimedByArea(execution).forEach((area, ids) -> framework.problemWithIndicators(area, ids)
        .ifPresent(reason -> problems.add(CertificationProcess.indicators(area).name(), reason)));
  }

  @Override
  public void crossCheck(Submission submission, Problems problems) {
    boolean anyClaim = EvidenceFramework.AREA_IDS.stream()
        .map(area -> submission.value(CertificationProcess.indicators(area).name()))
        .anyMatch(json -> json instanceof String s && !JsonLists.strings(s).orElse(List.of()).isEmpty());
    if (!anyClaim) {
      problems.add("indicators", "claim at least one indicator in one of the five areas");
    }
    for (String area : EvidenceFramework.AREA_IDS) {
      String field = CertificationProcess.claims(area).name();
      if (submission.value(field) instanceof String json) {
        List<String> claimed = submission.value(CertificationProcess.indicators(area).name()) instanceof String ids
            ? JsonLists.strings(ids).orElse(List.of()) : List.of();
        Claims.parse(json).ifPresent(claims -> claims.check(field, claimed, problems));
      }
    }
  }
}
