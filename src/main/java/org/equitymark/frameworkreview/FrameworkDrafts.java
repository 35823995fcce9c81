package org.equitymark.frameworkreview;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.equitymark.framework.FrameworkFiles;
import org.equitymark.framework.FrameworkFiles.Reading;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The drafts of new framework versions a scheme manager uploaded, in the database (as
 * {@code PUT /api/framework/versions/{version}} stores them: one store, any node of a cluster). A
 * file is checked as a person wrote it ({@link FrameworkFiles}) and stored only when valid; the list
 * checks each draft again, since a draft can turn invalid (its version published, the checks grown).
 * After an upload the open yearly reviews offer the new draft at once ({@link ShowFrameworkDraftsListener}).
 */
@Service
public class FrameworkDrafts {

  /** What a version may be called: letters, digits, dots, dashes and underscores, at most 40. */
  static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._-]{1,40}");

  private final JdbcTemplate jdbc;
  private final FrameworkVersions versions;
  private final ObjectMapper objectMapper;
  private final TaskService taskService;

  FrameworkDrafts(JdbcTemplate jdbc, FrameworkVersions versions, ObjectMapper objectMapper, TaskService taskService) {
    this.jdbc = jdbc;
    this.versions = versions;
    this.objectMapper = objectMapper;
    this.taskService = taskService;
  }

  /** A draft as listed: its version, who uploaded it and when, and what is wrong with it now (nothing: valid). */
  public record Draft(String version, String draftedBy, Instant draftedAt, List<String> problems) {

    public boolean isValid() {
      return problems.isEmpty();
    }
  }

  /** What became of an upload: the version stored, or every problem of the file (then nothing was stored). */
  public record Upload(String version, List<String> problems) {

    public boolean isStored() {
      return problems.isEmpty();
    }
  }

  /** Checks the file and stores it as the draft of the version it names, replacing an earlier draft of it. */
  @Transactional
  public Upload upload(String content, String userId) {
    Reading reading = FrameworkFiles.read(content, objectMapper);
    if (reading.framework().isEmpty()) {
      return new Upload(null, reading.problems());
    }
    String version = reading.framework().get().version();
    List<String> problems = new ArrayList<>(versionProblems(version));
    problems.addAll(reading.problems());
    if (!problems.isEmpty()) {
      return new Upload(version, List.copyOf(problems));
    }
    versions.saveDraft(version, content, userId);
    offerToOpenReviews();
    return new Upload(version, List.of());
  }

  /** The unpublished drafts, newest first, each checked afresh. */
  @Transactional(readOnly = true)
  public List<Draft> all() {
    return jdbc.query("select version, content, drafted_by, drafted_at from em_framework_version "
            + "where published_at is null order by drafted_at desc, version desc",
        (rs, row) -> new Draft(rs.getString(1), rs.getString(3), rs.getTimestamp(4).toInstant(),
            problems(rs.getString(1), rs.getString(2))));
  }

  /** The drafts a review may publish now. */
  @Transactional(readOnly = true)
  public List<Draft> valid() {
    return all().stream().filter(Draft::isValid).toList();
  }

  /** Whether the version is an unpublished draft that is valid now. */
  @Transactional(readOnly = true)
  public boolean isValidDraft(String version) {
    return valid().stream().anyMatch(d -> d.version().equals(version));
  }

  private List<String> problems(String version, String content) {
    List<String> problems = new ArrayList<>(versionProblems(version));
    Reading reading = FrameworkFiles.read(content, objectMapper);
    problems.addAll(reading.problems());
    reading.framework().filter(f -> !version.equals(f.version()))
        .ifPresent(f -> problems.add("version: says " + f.version() + ", stored as " + version));
    return List.copyOf(problems);
  }

  private List<String> versionProblems(String version) {
    if (version == null || version.isBlank()) {
      return List.of();
    }
    if (!VERSION.matcher(version).matches()) {
      return List.of("version: " + version + " is not a version name (letters, digits, dots, dashes, at most 40)");
    }
    if (versions.isPublished(version)) {
      return List.of("version: " + version + " is published already, and a published version never changes");
    }
    return List.of();
  }

  /** Gives every open yearly review the drafts valid now as its options. */
  private void offerToOpenReviews() {
    List<Task> open = taskService.createTaskQuery().processDefinitionKey(FrameworkReviewProcess.KEY)
        .taskDefinitionKey(FrameworkReviewProcess.Elements.REVIEW_FRAMEWORK).list();
    if (open.isEmpty()) {
      return;
    }
    Object options = ShowFrameworkDraftsListener.options(valid());
    for (Task task : open) {
      taskService.setVariableLocal(task.getId(), FrameworkReviewProcess.FRAMEWORK_DRAFTS.name(), options);
    }
  }
}
