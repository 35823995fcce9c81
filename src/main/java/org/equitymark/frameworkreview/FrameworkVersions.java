package org.equitymark.frameworkreview;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.equitymark.framework.BundledFrameworks;
import org.equitymark.framework.EvidenceFramework;
import org.equitymark.framework.Frameworks;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Versions of the evidence framework: those the app ships with, drafts a scheme manager uploads,
 * and versions the yearly review published. The version a new case records is the one published
 * last: the newest the app ships with, unless the review published one since. A published version
 * never changes (no update touches a row once published), so it is parsed once and kept; a case
 * keeps the version it started with.
 */
@Service
@Transactional
public class FrameworkVersions implements Frameworks {

  private final JdbcTemplate jdbc;
  private final BundledFrameworks bundled;
  private final ObjectMapper objectMapper;
  private final Map<String, EvidenceFramework> publishedByVersion = new ConcurrentHashMap<>();

  FrameworkVersions(JdbcTemplate jdbc, BundledFrameworks bundled, ObjectMapper objectMapper) {
    this.jdbc = jdbc;
    this.bundled = bundled;
    this.objectMapper = objectMapper;
  }

  /** The version new cases are assessed against. */
  @Transactional(readOnly = true)
  public String currentVersion() {
    EvidenceFramework latestBundled = bundled.latest();
    Timestamp bundledOn = Timestamp.valueOf(LocalDate.parse(latestBundled.published()).atStartOfDay());
    List<String> latest = jdbc.query("select version from em_framework_version where published_at is not null "
        + "and published_at >= ? order by published_at desc, version desc", (rs, row) -> rs.getString(1), bundledOn);
    return latest.isEmpty() ? latestBundled.version() : latest.get(0);
  }

  @Override
  @Transactional(readOnly = true)
  public EvidenceFramework current() {
    return published(currentVersion()).orElseThrow();
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<EvidenceFramework> published(String version) {
    Optional<EvidenceFramework> shipped = bundled.version(version);
    if (shipped.isPresent()) {
      return shipped;
    }
    EvidenceFramework known = publishedByVersion.get(version);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<EvidenceFramework> stored = jdbc.query("select content from em_framework_version where version = ? "
        + "and published_at is not null", (rs, row) -> rs.getString(1), version).stream().findFirst()
        .map(this::parse);
    stored.ifPresent(framework -> publishedByVersion.put(version, framework));
    return stored;
  }

  @Override
  @Transactional(readOnly = true)
  public List<String> publishedVersions() {
    List<String> all = new ArrayList<>(bundled.versions().stream().map(EvidenceFramework::version).toList());
    all.addAll(jdbc.query("select version from em_framework_version where published_at is not null "
        + "order by published_at, version", (rs, row) -> rs.getString(1)));
    return all;
  }

  /** The JSON of a version: a published one as {@code GET /api/framework} shows it, or a stored draft as uploaded. */
  @Transactional(readOnly = true)
  public Optional<String> json(String version) {
    Optional<EvidenceFramework> shipped = bundled.version(version);
    if (shipped.isPresent()) {
      try {
        return Optional.of(objectMapper.writeValueAsString(shipped.get()));
      } catch (Exception e) {
        throw new IllegalStateException("Cannot write framework " + version, e);
      }
    }
    return content(version);
  }

  private EvidenceFramework parse(String content) {
    try {
      return objectMapper.readValue(content, EvidenceFramework.class);
    } catch (Exception e) {
      throw new IllegalStateException("A published framework version cannot be read", e);
    }
  }

  @Transactional(readOnly = true)
  public Optional<String> content(String version) {
    return jdbc.query("select content from em_framework_version where version = ?", (rs, row) -> rs.getString(1),
        version).stream().findFirst();
  }

  @Transactional(readOnly = true)
  public boolean isPublished(String version) {
    return bundled.version(version).isPresent() || !jdbc.query("select version from em_framework_version "
        + "where version = ? and published_at is not null", (rs, row) -> rs.getString(1), version).isEmpty();
  }

  /** What is wrong with this framework as a draft of this version, or nothing. */
  @Transactional(readOnly = true)
  public Optional<String> problem(String version, String content) {
    if (isPublished(version)) {
      return Optional.of("version " + version + " is published already, and a published version never changes");
    }
    EvidenceFramework framework;
    try {
      framework = objectMapper.readValue(content, EvidenceFramework.class);
    } catch (Exception e) {
      return Optional.of("is not an evidence framework in JSON (see GET /api/framework for the shape)");
    }
    if (!version.equals(framework.version())) {
      return Optional.of("says version " + framework.version() + ", not " + version);
    }
    List<String> problems = framework.problems();
    return problems.isEmpty() ? Optional.empty() : Optional.of("is invalid: " + String.join("; ", problems));
  }

  /** Saves (or replaces) an unpublished draft; throws when it has a problem. */
  public void saveDraft(String version, String content, String userId) {
    problem(version, content).ifPresent(problem -> {
      throw new IllegalArgumentException("Framework " + version + " " + problem);
    });
    Timestamp now = Timestamp.from(ClockUtil.now().toInstant());
    int updated = jdbc.update("update em_framework_version set content = ?, drafted_at = ?, drafted_by = ? "
        + "where version = ? and published_at is null", content, now, userId, version);
    if (updated == 0) {
      jdbc.update("insert into em_framework_version (version, content, drafted_at, drafted_by) values (?, ?, ?, ?)",
          version, content, now, userId);
    }
  }

  /** Whether there is an unpublished draft of this version. */
  @Transactional(readOnly = true)
  public boolean isDraft(String version) {
    return !jdbc.query("select version from em_framework_version where version = ? and published_at is null",
        (rs, row) -> rs.getString(1), version).isEmpty();
  }

  void publish(String version, String publishedBy, String changesSummary, String communityInput) {
    int published = jdbc.update("update em_framework_version set published_at = ?, published_by = ?, changes_summary = ?, "
            + "community_input = ? where version = ? and published_at is null",
        Timestamp.from(ClockUtil.now().toInstant()), publishedBy, changesSummary, communityInput, version);
    if (published != 1) {
      throw new IllegalStateException("No draft of framework " + version + " to publish");
    }
  }
}
