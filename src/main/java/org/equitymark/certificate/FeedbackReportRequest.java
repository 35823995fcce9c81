package org.equitymark.certificate;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.equitymark.framework.Level;

/**
 * What the feedback report of a not-certified outcome says: the case, and per assessment area the
 * level reached, the assessor's comment and the texts of the indicators still to be evidenced.
 * {@code workplaceArea} and comments may be null.
 */
public record FeedbackReportRequest(String applicationReference, String organisationName, String workplaceArea,
    String frameworkVersion, LocalDate assessedOn, Level targetLevel, Level achievedLevel, List<AreaFinding> findings) {

  public FeedbackReportRequest {
    Objects.requireNonNull(applicationReference, "applicationReference");
    Objects.requireNonNull(organisationName, "organisationName");
    Objects.requireNonNull(assessedOn, "assessedOn");
    Objects.requireNonNull(targetLevel, "targetLevel");
    Objects.requireNonNull(achievedLevel, "achievedLevel");
    findings = List.copyOf(findings);
  }

  /** One area's findings; {@code area} is an area id such as {@code leadership}. */
  public record AreaFinding(String area, Level levelReached, String assessorComment, List<String> missingIndicators) {

    public AreaFinding {
      Objects.requireNonNull(area, "area");
      Objects.requireNonNull(levelReached, "levelReached");
      missingIndicators = missingIndicators == null ? List.of() : List.copyOf(missingIndicators);
    }
  }
}
