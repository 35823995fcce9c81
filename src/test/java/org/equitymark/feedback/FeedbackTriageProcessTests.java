package org.equitymark.feedback;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.equitymark.feedback.FeedbackTriageProcess.Elements.RECORD_TRIAGE;
import static org.equitymark.feedback.FeedbackTriageProcess.Elements.TRIAGE_FEEDBACK;

import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.json.SpinJsonNode;
import org.equitymark.access.Groups;
import org.equitymark.certificate.Certificates;
import org.equitymark.numbering.SequenceNumbers;
import org.equitymark.registration.Organisations;
import org.equitymark.submission.InvalidSubmissionException;
import org.equitymark.support.ProcessTestSupport;
import org.equitymark.support.TestCertificates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/** Each piece of public feedback starts {@code feedback-triage}: a scheme manager triages it in Tasklist. */
class FeedbackTriageProcessTests extends ProcessTestSupport {

  @Autowired PublicFeedback publicFeedback;
  @Autowired Organisations organisations;
  @Autowired SequenceNumbers numbers;
  @Autowired Certificates certificates;
  @Autowired PlatformTransactionManager transactionManager;

  private ProcessInstance feedbackOn(String number, String message, String sender) {
    Assertions.assertThat(publicFeedback.submit(number, "community-group", message, sender)).isEmpty();
    long id = publicFeedback.list(Feedback.OPEN).stream().filter(f -> f.certificateNumber().equals(number))
        .mapToLong(Feedback::id).max().orElseThrow();
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(FeedbackTriageProcess.KEY)
        .processInstanceBusinessKey(FeedbackTriageProcess.businessKey(id)).singleResult();
  }

  private long feedbackId(ProcessInstance triage) {
    return Long.parseLong(triage.getBusinessKey().substring("feedback-".length()));
  }

  @Test
  void shouldAskSchemeManagersToTriageAndRecordTheOutcomeOnTheFeedback() {
    // given feedback with markup in it
    String number = TestCertificates.certify("Triage Meadow Services", organisations, numbers, certificates,
        transactionManager);
    ProcessInstance passed = feedbackOn(number, "Our members <i>were</i> not offered **any** interpreter.", "192.0.2.41");

    // then scheme managers have a task, with the message as text, never as markup
    assertThat(passed).isWaitingAt(TRIAGE_FEEDBACK).task().hasCandidateGroup(Groups.SCHEME_MANAGERS);
    SpinJsonNode shown = (SpinJsonNode) runtimeService.getVariable(passed.getId(), "feedback");
    Assertions.assertThat(shown.prop("message").stringValue())
        .isEqualTo("Our members &lt;i&gt;were&lt;/i&gt; not offered \\*\\*any\\*\\* interpreter\\.");
    Assertions.assertThat(shown.prop("organisation").stringValue()).isEqualTo("Triage Meadow Services");

    // when the outcome is missing its notes or is not one of the three, then it is refused
    Assertions.assertThatThrownBy(() -> complete("manager1", passed, TRIAGE_FEEDBACK,
        Map.of("feedbackStatus", "passed-to-assessor"))).isInstanceOf(InvalidSubmissionException.class)
        .hasMessageContaining("triageNotes is required");
    Assertions.assertThatThrownBy(() -> complete("manager1", passed, TRIAGE_FEEDBACK,
        Map.of("feedbackStatus", "open", "triageNotes", "Later."))).isInstanceOf(InvalidSubmissionException.class)
        .hasMessageContaining("feedbackStatus");

    // when it is passed to the assessor
    complete("manager1", passed, TRIAGE_FEEDBACK,
        Map.of("feedbackStatus", "passed-to-assessor", "triageNotes", "Ask about interpreting at the review."));
    runAsyncJobs();

    // then the feedback records it, and it still reaches the next assessor
    assertThat(passed).hasPassed(RECORD_TRIAGE).isEnded();
    Feedback recorded = publicFeedback.find(feedbackId(passed)).orElseThrow();
    Assertions.assertThat(recorded.status()).isEqualTo(Feedback.PASSED_TO_ASSESSOR);
    Assertions.assertThat(recorded.triagedBy()).isEqualTo("manager1");
    Assertions.assertThat(recorded.triageNotes()).isEqualTo("Ask about interpreting at the review.");
    Assertions.assertThat(publicFeedback.open(number)).extracting(Feedback::id).contains(recorded.id());

    // when other feedback is acted on, then it no longer goes to the assessor
    ProcessInstance actedOn = feedbackOn(number, "The new leaflets in Urdu and Polish are very welcome.", "192.0.2.42");
    complete("manager1", actedOn, TRIAGE_FEEDBACK,
        Map.of("feedbackStatus", "acted-on", "triageNotes", "Shared with the trust's communications lead."));
    runAsyncJobs();
    Assertions.assertThat(publicFeedback.open(number)).extracting(Feedback::id)
        .contains(recorded.id()).doesNotContain(feedbackId(actedOn));
  }
}
