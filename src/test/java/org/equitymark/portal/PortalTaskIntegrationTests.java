package org.equitymark.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equitymark.process.CertificationProcess.Elements.COMPLETE_SELF_ASSESSMENT;
import static org.equitymark.process.CertificationProcess.Elements.CONFIRM_PAYMENT;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.equitymark.support.HttpTestSupport;
import org.equitymark.support.RestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A task of the organisation at /portal/tasks/{taskId}, rendered from its deployed Camunda Form and
 * completed through the engine as the logged-in applicant: the server's checks apply and a refusal
 * shows beside the field; another organisation's task answers 404; no CSRF token, 403.
 */
class PortalTaskIntegrationTests extends HttpTestSupport {

  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;

  private String selfAssessmentOf(String applicantId) {
    RestClient applicant = user(applicantId, "applicants");
    String reference = applicant.post("/api/applications", registration(applicantId + "@example.org"))
        .json().get("reference").asText();
    RestClient finance = user("portal-task-finance", "finance");
    complete(finance, awaitTask(finance, reference, CONFIRM_PAYMENT),
        Map.of("paymentReceived", true, "paymentReference", "BACS " + applicantId));
    return awaitTask(applicant, reference, COMPLETE_SELF_ASSESSMENT);
  }

  @Test
  void shouldShowTheTasksOwnFormAndCompleteItAsTheApplicant() {
    // given
    String taskId = selfAssessmentOf("portal-task-a");
    PortalSession browser = new PortalSession(port);
    browser.logIn("portal-task-a", "secret-portal-task-a");
    String processInstanceId = taskService.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();

    // when
    PortalSession.Page form = browser.get("/portal/tasks/" + taskId);
    PortalSession.Page sent = browser.post("/portal/tasks/" + taskId, "/portal/tasks/" + taskId, Map.of(
        "leadershipIndicators", "leadership.foundation.1",
        "leadershipEvidence", "<script>alert(1)</script> our policy"));

    // then
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body()).contains("Which leadership, governance and accountability indicators do you meet?")
        .contains("value=\"leadership.foundation.1\"").contains("name=\"_csrf\"");
    assertThat(sent.status()).as(sent.body()).isEqualTo(302);
    assertThat(sent.location()).contains("/portal/?done=completeSelfAssessment");
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult()).isNull();
    assertThat(runtimeService.getVariableTyped(processInstanceId, "leadershipIndicators", false).getValue().toString())
        .contains("leadership.foundation.1");
    assertThat(runtimeService.getVariable(processInstanceId, "leadershipEvidence")).isEqualTo("<script>alert(1)</script> our policy");
  }

  @Test
  void shouldShowTheServersRefusalBesideTheFieldAndLeaveTheTaskUnclaimed() {
    // given
    String taskId = selfAssessmentOf("portal-task-b");
    PortalSession browser = new PortalSession(port);
    browser.logIn("portal-task-b", "secret-portal-task-b");

    // when nothing is claimed
    PortalSession.Page refused = browser.post("/portal/tasks/" + taskId, "/portal/tasks/" + taskId,
        Map.of("leadershipEvidence", "Some words"));

    // then
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("claim at least one indicator").contains("Some words");
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    assertThat(task).isNotNull();
    assertThat(task.getAssignee()).isNull();
  }

  @Test
  void shouldAnswer404ForAnotherOrganisationsTaskAndChangeNothing() {
    // given
    String taskId = selfAssessmentOf("portal-task-c");
    user("portal-task-other", "applicants").post("/api/applications", registration("other@example.org"));
    PortalSession other = new PortalSession(port);
    other.logIn("portal-task-other", "secret-portal-task-other");

    // when
    PortalSession.Page seen = other.get("/portal/tasks/" + taskId);
    PortalSession.Page sent = other.post("/portal/", "/portal/tasks/" + taskId,
        Map.of("leadershipIndicators", "leadership.foundation.1"));
    PortalSession.Page unknown = other.get("/portal/tasks/no-such-task");

    // then
    assertThat(seen.status()).isEqualTo(404);
    assertThat(sent.status()).isEqualTo(404);
    assertThat(unknown.status()).isEqualTo(404);
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    assertThat(task).isNotNull();
    assertThat(task.getAssignee()).isNull();
  }

  @Test
  void shouldRefuseASubmissionWithoutTheCsrfToken() {
    // given
    String taskId = selfAssessmentOf("portal-task-d");
    PortalSession browser = new PortalSession(port);
    browser.logIn("portal-task-d", "secret-portal-task-d");

    // when
    PortalSession.Page sent = browser.postWithoutToken("/portal/tasks/" + taskId,
        Map.of("leadershipIndicators", "leadership.foundation.1"));

    // then
    assertThat(sent.status()).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult()).isNotNull();
  }
}
