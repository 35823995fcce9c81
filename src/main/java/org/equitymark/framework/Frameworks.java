package org.equitymark.framework;

import java.util.List;
import java.util.Optional;

/**
 * The published versions of the evidence framework: those the app ships with and those the yearly
 * review published. A case is self-assessed, assessed, scored and certified against the version it
 * recorded at its start ({@code frameworkVersion}); only new cases get the current one.
 */
public interface Frameworks {

  /** The version new cases record. */
  EvidenceFramework current();

  /** A published version, or nothing for an unknown version or a draft. */
  Optional<EvidenceFramework> published(String version);

  /** The versions published so far, oldest first. */
  List<String> publishedVersions();

  /**
   * The version a case recorded at its start. A case that recorded none started before versions were
   * recorded and keeps the first version's texts.
   *
   * @throws IllegalStateException when the recorded version is not published (it always is: only a
   *     published version is ever recorded)
   */
  default EvidenceFramework ofCase(String recordedVersion) {
    if (recordedVersion == null) {
      return published(publishedVersions().get(0)).orElseThrow();
    }
    return published(recordedVersion).orElseThrow(() -> new IllegalStateException(
        "The case recorded framework version " + recordedVersion + ", which is not published"));
  }
}
