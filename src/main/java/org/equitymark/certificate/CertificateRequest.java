package org.equitymark.certificate;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.equitymark.framework.EvidenceFramework;
import org.equitymark.framework.Level;

/**
 * What the issuing step knows when a certified outcome is approved. {@code issueKey} makes issuing
 * idempotent: the same key always yields the same certificate (for example the process instance id
 * and the approval round). {@code areaLevels} holds a level for each of the five areas.
 */
public record CertificateRequest(String issueKey, String applicationReference, String processInstanceId,
    String organisationId, String organisationName, String workplaceArea, Level level,
    Map<String, Level> areaLevels, String frameworkVersion) {

  public CertificateRequest {
    require(issueKey, "issueKey", 200);
    require(applicationReference, "applicationReference", 20);
    require(organisationId, "organisationId", 20);
    require(organisationName, "organisationName", 200);
    require(frameworkVersion, "frameworkVersion", 40);
    if (processInstanceId != null && processInstanceId.length() > 64) {
      throw new IllegalArgumentException("processInstanceId is longer than 64 characters");
    }
    workplaceArea = workplaceArea == null || workplaceArea.isBlank() ? null : workplaceArea.strip();
    if (workplaceArea != null && workplaceArea.length() > 200) {
      throw new IllegalArgumentException("workplaceArea is longer than 200 characters");
    }
    if (level == null || level == Level.NONE) {
      throw new IllegalArgumentException("A certificate needs a certified level, not " + level);
    }
    Objects.requireNonNull(areaLevels, "areaLevels");
    if (!areaLevels.keySet().equals(Set.copyOf(EvidenceFramework.AREA_IDS))
        || areaLevels.values().stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("areaLevels needs a level for each of " + EvidenceFramework.AREA_IDS
          + ", had " + areaLevels);
    }
    areaLevels = Certificate.inAreaOrder(areaLevels);
  }

  private static void require(String value, String name, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(name + " is longer than " + maxLength + " characters");
    }
  }
}
