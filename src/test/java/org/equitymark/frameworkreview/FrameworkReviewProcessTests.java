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
import org.equitymark.framework.EvidenceFramework;
import org.equitymark.submission.InvalidSubmissionException;
import org.equitymark.support.ProcessTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code framework-review} through the real model: every year scheme managers review the framework
 * with community input and may publish a new version, which is immutable and applies only to cases
 * that start after it.
 */
class FrameworkReviewProcessTests extends ProcessTestSupport {

  @Autowired EvidenceFramework bundled;
  @Autowired FrameworkVersions versions;
  @Autowired ObjectMapper objectMapper;

  private static final String INPUT = "Met the BME carers' forum and two community groups in March; they asked for "
      + "clearer interpreting indicators.";

  private ProcessInstance yearlyReview() {
    moveClockBy(Duration.ofDays(366));
    List<ProcessInstance> open = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(FrameworkReviewProcess.KEY).active().list();
    Assertions.assertThat(open).as("a yearly review is open").isNotEmpty();
    ProcessInstance review = open.get(open.size() - 1);
    assertThat(review).isWaitingAt(REVIEW_FRAMEWORK);
    return review;
  }

  private String framework(String version) throws Exception {
    ObjectNode json = objectMapper.valueToTree(bundled);
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
        .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("has no draft");
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
}
