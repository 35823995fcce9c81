package org.equitymark.frameworkreview;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.equitymark.frameworkreview.FrameworkReviewProcess.Elements.FRAMEWORK_KEPT;
import static org.equitymark.frameworkreview.FrameworkReviewProcess.Elements.FRAMEWORK_PUBLISHED;
import static org.equitymark.frameworkreview.FrameworkReviewProcess.Elements.REVIEW_FRAMEWORK;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.equitymark.submission.InvalidSubmissionException;
import org.equitymark.support.ProcessTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code framework-review} through the real model: every year scheme managers review the framework
 * with community input and may publish a new version, which is immutable and applies only to cases
 * that start after it.
 */
class FrameworkReviewProcessTests extends ProcessTestSupport {

  @Autowired FrameworkVersions versions;
  @Autowired ObjectMapper objectMapper;
  @Autowired FrameworkDrafts drafts;
  @Autowired JdbcTemplate jdbc;

  private static final String INPUT = "Met the BME carers' forum and two community groups in March; they asked for "
      + "clearer interpreting indicators.";

  /** The review that opens when the clock reaches its next yearly due date (the timer may be years ahead). */
  private ProcessInstance yearlyReview() {
    List<String> before = openReviews().stream().map(ProcessInstance::getId).toList();
    for (int year = 0; year < 10; year++) {
      moveClockBy(Duration.ofDays(366));
      List<ProcessInstance> opened = openReviews().stream().filter(r -> !before.contains(r.getId())).toList();
      if (!opened.isEmpty()) {
        ProcessInstance review = opened.get(opened.size() - 1);
        assertThat(review).isWaitingAt(REVIEW_FRAMEWORK);
        return review;
      }
    }
    throw new AssertionError("No yearly review opened in ten years");
  }

  private List<ProcessInstance> openReviews() {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(FrameworkReviewProcess.KEY).active().list();
  }

  private String framework(String version) throws Exception {
    // the indicators of the version in force, so that other tests' cases sharing this engine keep their claims
    ObjectNode json = objectMapper.valueToTree(versions.current());
    json.put("version", version);
    return objectMapper.writeValueAsString(json);
  }

  private static Map<String, Object> publish(String version) {
    Map<String, Object> values = new HashMap<>();
    values.put("communityInput", INPUT);
    values.put("publishNewVersion", true);
    values.put("newFrameworkVersion", version);
    values.put("changesSummary", "Interpreting indicator reworded.");
    return values;
  }

  @Test
  void shouldPublishAYearlyVersionThatOnlyCasesStartedAfterItUse() throws Exception {
    // given a case running on the version in force
    String before = versions.currentVersion();
    ProcessInstance running = caseReadyForAssessment(newApplicant(), uniqueEmail(), "foundation",
        allIndicatorsUpTo("foundation"));
    assertThat(running).variables().containsEntry("frameworkVersion", before);

    // when a year has passed, the review is due, and a scheme manager publishes a new version
    ProcessInstance review = yearlyReview();
    Assertions.assertThat(review.getBusinessKey()).startsWith("FR-");
    String version = "test-" + System.nanoTime();
    Assertions.assertThatThrownBy(() -> complete("manager1", review, REVIEW_FRAMEWORK, publish(version)))
        .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("is not a valid draft");
    Assertions.assertThatThrownBy(() -> versions.saveDraft(version, "{\"version\": \"" + version + "\", \"areas\": []}",
        "manager1")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("areas");
    versions.saveDraft(version, framework(version), "manager1");
    complete("manager1", review, REVIEW_FRAMEWORK, publish(version));

    // then it is published, new cases record it, and the running case keeps its version
    assertThat(review).isEnded().hasPassed(FRAMEWORK_PUBLISHED);
    Assertions.assertThat(versions.currentVersion()).isEqualTo(version);
    ProcessInstance later = caseReadyForAssessment(newApplicant(), uniqueEmail(), "foundation",
        allIndicatorsUpTo("foundation"));
    assertThat(later).variables().containsEntry("frameworkVersion", version);
    assertThat(running).variables().containsEntry("frameworkVersion", before);

    // when next year's review tries to publish the same version again, or to change it
    ProcessInstance next = yearlyReview();
    Assertions.assertThatThrownBy(() -> complete("manager1", next, REVIEW_FRAMEWORK, publish(version)))
        .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("never changes");
    Assertions.assertThatThrownBy(() -> versions.saveDraft(version, framework(version), "manager1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never changes");

    // and keeps the framework instead
    complete("manager1", next, REVIEW_FRAMEWORK, Map.of("communityInput", INPUT, "publishNewVersion", false));

    // then the published version is unchanged
    assertThat(next).isEnded().hasPassed(FRAMEWORK_KEPT);
    Assertions.assertThat(versions.content(version)).hasValue(framework(version));
  }

  @Test
  void shouldOfferTheValidDraftsAsTheFormsOptionsAndPublishTheOneChosen() throws Exception {
    // given a draft uploaded before the review is due, and a stored draft that is no longer valid
    String early = "early-" + System.nanoTime();
    Assertions.assertThat(drafts.upload(uploadedFile(early), "manager1").problems()).isEmpty();
    String broken = "broken-" + System.nanoTime();
    jdbc.update("insert into em_framework_version (version, content, drafted_at, drafted_by) values (?, ?, ?, ?)",
        broken, "{\"version\": \"" + broken + "\"}", java.sql.Timestamp.from(java.time.Instant.now()), "manager2");

    // when the review is due
    ProcessInstance review = yearlyReview();

    // then its task offers the valid draft, with who uploaded it, and not the invalid one
    Assertions.assertThat(options(review)).contains(early).doesNotContain(broken);
    Assertions.assertThat(optionsJson(review)).contains("\"label\":\"" + early + " (uploaded by manager1, ");

    // when a manager uploads another draft while the task is open
    String later = "later-" + System.nanoTime();
    Assertions.assertThat(drafts.upload(uploadedFile(later), "manager1").isStored()).isTrue();

    // then the open task offers it too
    Assertions.assertThat(options(review)).contains(early, later).doesNotContain(broken);

    // and the invalid draft cannot be published, even sent by REST without the form
    Assertions.assertThatThrownBy(() -> complete("manager1", review, REVIEW_FRAMEWORK, publish(broken)))
        .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("is not a valid draft");

    // when the manager publishes the chosen draft
    complete("manager1", review, REVIEW_FRAMEWORK, publish(later));

    // then it is the version in force, and no longer offered
    assertThat(review).isEnded().hasPassed(FRAMEWORK_PUBLISHED);
    Assertions.assertThat(versions.currentVersion()).isEqualTo(later);
    Assertions.assertThat(drafts.valid()).extracting(FrameworkDrafts.Draft::version).contains(early)
        .doesNotContain(later);
    jdbc.update("delete from em_framework_version where version = ?", broken);
  }

  /**
   * The version in force under a new name, as a scheme manager would edit and upload it (its indicators the ones in
   * force, so that other tests' cases sharing this engine keep their claims once it is published).
   */
  private String uploadedFile(String version) throws Exception {
    return objectMapper.writerWithDefaultPrettyPrinter().writeValueAsString(objectMapper.readTree(framework(version)));
  }

  private String optionsJson(ProcessInstance review) {
    String taskId = taskService.createTaskQuery().processInstanceId(review.getId()).singleResult().getId();
    return ((org.camunda.bpm.engine.variable.value.SerializableValue) taskService.getVariableLocalTyped(taskId,
        FrameworkReviewProcess.FRAMEWORK_DRAFTS.name(), false)).getValueSerialized();
  }

  private List<String> options(ProcessInstance review) throws Exception {
    List<String> values = new java.util.ArrayList<>();
    objectMapper.readTree(optionsJson(review)).forEach(option -> values.add(option.path("value").asText()));
    return values;
  }
}
