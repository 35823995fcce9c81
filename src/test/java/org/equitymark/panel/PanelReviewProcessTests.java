package org.equitymark.panel;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.equitymark.process.CertificationProcess.Elements.APPROVE_CERTIFICATION;
import static org.equitymark.process.CertificationProcess.Elements.ASSESS_EVIDENCE;
import static org.equitymark.process.CertificationProcess.Elements.DECIDE_PANEL_REVIEW;
import static org.equitymark.process.CertificationProcess.Elements.REVIEW_AS_PANEL_MEMBER;

import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.equitymark.submission.InvalidSubmissionException;
import org.equitymark.support.ProcessTestSupport;
import org.junit.jupiter.api.Test;

/**
 * For Competence and Excellence every member of the assessment panel beside the lead reviews the
 * assessment (multi-instance {@code reviewAsPanelMember}); DMN {@code panel-review} (majority with the
 * lead, as shipped) decides whether the case goes on or back to the lead assessor.
 */
class PanelReviewProcessTests extends ProcessTestSupport {

  private static final String MARKUP_REASONS = "<b>Not</b> **met**: see [this](javascript:alert(1)) & the access.1 evidence";

  /** A Competence case whose lead has assessed it: every indicator confirmed, as self-assessed. */
  private ProcessInstance assessedCompetenceCase() {
    ProcessInstance instance = caseReadyForAssessment(newApplicant(), uniqueEmail(), "competence",
        allIndicatorsUpTo("competence"));
    complete(leadAssessor(instance), instance, ASSESS_EVIDENCE, assessment(false, allIndicatorsUpTo("competence")));
    return instance;
  }

  private List<String> panel(ProcessInstance instance) {
    return ((SpinJsonNode) runtimeService.getVariable(instance.getId(), "assessmentPanel")).elements().stream()
        .map(SpinJsonNode::stringValue).toList();
  }

  private List<Task> reviews(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(REVIEW_AS_PANEL_MEMBER).orderByTaskAssignee().asc().list();
  }

  private void review(Task task, Map<String, Object> view) {
    as(task.getAssignee(), () -> {
      taskService.complete(task.getId(), view);
      return null;
    });
  }

  private SpinJsonNode panelReviews(ProcessInstance instance) {
    return (SpinJsonNode) runtimeService.getVariable(instance.getId(), "panelReviews");
  }

  @Test
  void shouldGiveEveryPanelMemberBesideTheLeadATaskAndGoOnWhenAllAgree() {
    // given
    ProcessInstance instance = assessedCompetenceCase();
    String lead = leadAssessor(instance);

    // then each of the two other panel members has its own review task
    List<Task> reviews = reviews(instance);
    Assertions.assertThat(reviews).extracting(Task::getAssignee)
        .containsExactlyInAnyOrderElementsOf(panel(instance).stream().filter(m -> !m.equals(lead)).toList());

    // when both agree
    reviews.forEach(task -> review(task, Map.of("panelMemberAgrees", true)));

    // then the table finds the panel agreed, and the certification panel has the case
    assertThat(instance).hasPassed(DECIDE_PANEL_REVIEW).isWaitingAt(APPROVE_CERTIFICATION);
    assertThat(instance).variables().containsEntry("panelReviewOutcome", "agreed");
    Assertions.assertThat(panelReviews(instance).elements()).hasSize(2)
        .allSatisfy(view -> Assertions.assertThat(view.prop("agrees").boolValue()).isTrue());
    Assertions.assertThat(((SpinJsonNode) runtimeService.getVariable(instance.getId(), "caseParticipants"))
        .elements()).extracting(SpinJsonNode::stringValue).containsAll(reviews.stream().map(Task::getAssignee).toList());
  }

  @Test
  void shouldGoOnWithTheDissentShownWhenThePanelIsSplit() {
    // given
    ProcessInstance instance = assessedCompetenceCase();
    List<Task> reviews = reviews(instance);
    Task first = reviews.get(0);
    Task second = reviews.get(1);

    // when a member disagrees without reasons, or someone else answers for it, then it is refused
    Assertions.assertThatThrownBy(() -> review(first, Map.of("panelMemberAgrees", false)))
        .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("panelMemberReasons is required");
    Assertions.assertThatThrownBy(() -> as(second.getAssignee(), () -> {
      taskService.complete(first.getId(), Map.of("panelMemberAgrees", true));
      return null;
    })).isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    Assertions.assertThatThrownBy(() -> review(first, Map.of("panelMemberAgrees", true, "panelComments", "x")))
        .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("panelComments is not a field of this form");
    Assertions.assertThat(reviews(instance)).hasSize(2);

    // when one disagrees with reasons (markup in them) and the other agrees
    review(first, Map.of("panelMemberAgrees", false, "panelMemberReasons", MARKUP_REASONS));
    review(second, Map.of("panelMemberAgrees", true));

    // then the lead and a majority stand behind it: the case goes on, the dissent kept for the certification panel
    assertThat(instance).isWaitingAt(APPROVE_CERTIFICATION);
    assertThat(instance).variables().containsEntry("panelReviewOutcome", "split");
    SpinJsonNode dissent = panelReviews(instance).elements().stream()
        .filter(view -> view.prop("member").stringValue().equals(first.getAssignee())).findFirst().orElseThrow();
    Assertions.assertThat(dissent.prop("agrees").boolValue()).isFalse();
    Assertions.assertThat(dissent.prop("reasons").stringValue()).isEqualTo(MARKUP_REASONS);
    Assertions.assertThat(dissent.prop("reasonsText").stringValue())
        .isEqualTo("&lt;b&gt;Not&lt;/b&gt; \\*\\*met\\*\\*\\: see \\[this\\]\\(javascript\\:alert\\(1\\)\\) &amp; the access\\.1 evidence")
        .doesNotContain("<b>", "**", "](");
  }

  @Test
  void shouldReferBackToTheLeadWhenThePanelDisagreesAndReviewAfresh() {
    // given
    ProcessInstance instance = assessedCompetenceCase();
    String lead = leadAssessor(instance);

    // when both members disagree
    reviewAsPanel(instance, false, false);

    // then the assessment goes back to its lead assessor with the members' reasons
    assertThat(instance).hasPassed(DECIDE_PANEL_REVIEW).hasNotPassed(APPROVE_CERTIFICATION)
        .isWaitingAt(ASSESS_EVIDENCE).task().isAssignedTo(lead);
    assertThat(instance).variables().containsEntry("panelReviewOutcome", "referred-back");
    Assertions.assertThat(panelReviews(instance).elements())
        .allSatisfy(view -> Assertions.assertThat(view.prop("reasons").stringValue()).contains("translated signs"));

    // when the lead assesses again, the panel reviews afresh and now agrees
    complete(lead, instance, ASSESS_EVIDENCE, assessment(false, allIndicatorsUpTo("competence")));
    Assertions.assertThat(reviews(instance)).hasSize(2);
    reviewAsPanel(instance, true, true);

    // then
    assertThat(instance).isWaitingAt(APPROVE_CERTIFICATION);
    assertThat(instance).variables().containsEntry("panelReviewOutcome", "agreed");
    Assertions.assertThat(panelReviews(instance).elements()).hasSize(2)
        .allSatisfy(view -> Assertions.assertThat(view.prop("agrees").boolValue()).isTrue());
  }
}
