package org.equitymark.framework;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The framework versions the app ships with ({@code framework/evidence-framework*.json}), oldest
 * first by publication date. Each was checked when loaded; the app does not start with an invalid one.
 */
public record BundledFrameworks(List<EvidenceFramework> versions) {

  static final Comparator<EvidenceFramework> OLDEST_FIRST =
      Comparator.comparing(EvidenceFramework::published, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
          .thenComparing(EvidenceFramework::version);

  public BundledFrameworks {
    if (versions.isEmpty()) {
      throw new IllegalStateException("No evidence framework is bundled");
    }
    versions = versions.stream().sorted(OLDEST_FIRST).toList();
    if (versions.stream().map(EvidenceFramework::version).distinct().count() != versions.size()) {
      throw new IllegalStateException("Two bundled evidence frameworks have the same version");
    }
  }

  /** The newest bundled version. */
  public EvidenceFramework latest() {
    return versions.get(versions.size() - 1);
  }

  public Optional<EvidenceFramework> version(String version) {
    return versions.stream().filter(f -> f.version().equals(version)).findFirst();
  }
}
