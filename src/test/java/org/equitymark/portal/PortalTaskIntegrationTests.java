package org.equitymark.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.equitymark.process.CertificationProcess.Elements.COMPLETE_SELF_ASSESSMENT;
import static org.equitymark.process.CertificationProcess.Elements.CONFIRM_PAYMENT;
import static org.equitymark.process.CertificationProcess.Elements.REVIEW_SELF_ASSESSMENT;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.equitymark.certificate.Certificates;
import org.equitymark.documents.ClaimDocuments;
import org.equitymark.framework.EvidenceFramework;
import org.equitymark.framework.TestFrameworks;
import org.equitymark.numbering.SequenceNumbers;
import org.equitymark.process.CertificationProcess;
import org.equitymark.registration.Organisations;
import org.equitymark.support.HttpTestSupport;
import org.equitymark.support.RestClient;
import org.equitymark.support.TestAnnualReturns;
import org.equitymark.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.util.HtmlUtils;

/**
 * A task of the organisation at /portal/tasks/{taskId}, rendered from its deployed Camunda Form and
 * completed through the engine as the logged-in applicant: the server's checks apply and a refusal
 * shows beside the field; another organisation's task answers 404; no CSRF token, 403.
 */
class PortalTaskIntegrationTests extends HttpTestSupport {

  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired Organisations organisations;
  @Autowired SequenceNumbers numbers;
  @Autowired Certificates certificates;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired ClaimDocuments documents;

  private static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EXECUTABLE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff};

  /** An annual return open for a certified organisation whose applicant is {@code applicantId}; its task id. */
  private String annualReturnOf(String applicantId) {
    TestAnnualReturns.Open open = TestAnnualReturns.open("Grid Trust " + applicantId, "en", organisations, numbers,
        certificates, transactionManager, runtimeService, taskService);
    user(applicantId, "applicants", CertificationProcess.organisationGroup(open.organisationId()));
    return open.taskId();
  }

  /** A checklist option's label as showIndicators writes it for a Welsh case on the newest framework version, as the page escapes it. */
  private static String welshOptionLabel(String indicatorId) {
    EvidenceFramework framework = TestFrameworks.latest();
    EvidenceFramework.Indicator indicator = framework.indicator(indicatorId).orElseThrow();
    return HtmlUtils.htmlEscape(framework.levelDescription(indicator.level()).orElseThrow().name(EvidenceFramework.WELSH)
        + ": " + indicator.text(EvidenceFramework.WELSH));
  }

  private String selfAssessmentOf(String applicantId) {
    return selfAssessmentOf(applicantId, "en");
  }

  private String selfAssessmentOf(String applicantId, String preferredLanguage) {
    RestClient applicant = user(applicantId, "applicants");
    Map<String, Object> registration = registration(applicantId + "@example.org");
    registration.put("preferredLanguage", preferredLanguage);
    String reference = applicant.post("/api/applications", registration).json().get("reference").asText();
    RestClient finance = user("portal-task-finance", "finance");
    complete(finance, awaitTask(finance, reference, CONFIRM_PAYMENT),
        Map.of("paymentReceived", true, "paymentReference", "BACS " + applicantId));
    return awaitTask(applicant, reference, COMPLETE_SELF_ASSESSMENT);
  }

  /** A self-assessment open in the portal: its task and case, and the applicant's logged-in browser on it. */
  private record OpenSelfAssessment(String taskId, String caseId, PortalSession browser, String page) {
  }

  private OpenSelfAssessment selfAssessmentOpenedBy(String applicantId) {
    String taskId = selfAssessmentOf(applicantId);
    PortalSession browser = new PortalSession(port);
    browser.logIn(applicantId, "secret-" + applicantId);
    return new OpenSelfAssessment(taskId, taskService.createTaskQuery().taskId(taskId).singleResult()
        .getProcessInstanceId(), browser, "/portal/tasks/" + taskId);
  }

  @Test
  void shouldShowTheTasksOwnFormAndCompleteItAsTheApplicant() {
    // given
    String taskId = selfAssessmentOf("portal-task-a");
    PortalSession browser = new PortalSession(port);
    browser.logIn("portal-task-a", "secret-portal-task-a");
    String processInstanceId = taskService.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
    runtimeService.setVariable(processInstanceId, "supportAdvice", "Send the <minutes> & **terms** again");

    // when
    PortalSession.Page form = browser.get("/portal/tasks/" + taskId);
    PortalSession.Page sent = browser.post("/portal/tasks/" + taskId, "/portal/tasks/" + taskId, Map.of(
        "leadershipIndicators", "leadership.foundation.1",
        "leadershipEvidence", "<script>alert(1)</script> our policy"));

    // then
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body()).contains("Which leadership, governance and accountability indicators do you meet?")
        .contains("value=\"leadership.foundation.1\"").contains("name=\"_csrf\"")
        .contains("Send the &lt;minutes&gt; &amp; **terms** again") // escaped once, as typed
        .doesNotContain("<minutes>").doesNotContain("&amp;amp;").doesNotContain("\\*")
        // the options and the guide come from the case's framework version, the guide's lines kept as lines
        .containsPattern("leadership\\.foundation\\.1, Foundation: [^<]+<br />\\s*Guidance: ");
    assertThat(sent.status()).as(sent.body()).isEqualTo(302);
    assertThat(sent.location()).contains("/portal/?done=completeSelfAssessment");
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult()).isNull();
    assertThat(runtimeService.getVariableTyped(processInstanceId, "leadershipIndicators", false).getValue().toString())
        .contains("leadership.foundation.1");
    assertThat(runtimeService.getVariable(processInstanceId, "leadershipEvidence")).isEqualTo("<script>alert(1)</script> our policy");
  }

  @Test
  void shouldTieAStatementToAClaimedIndicatorInARowOfItsOwn() {
    // given
    OpenSelfAssessment open = selfAssessmentOpenedBy("portal-task-claims");
    PortalSession browser = open.browser();
    String processInstanceId = open.caseId();
    String page = open.page();

    // when the applicant adds a claim row, then sends a statement for an indicator it did not tick, then for one it did
    PortalSession.Page added = browser.post(page, page, Map.of("_list", "add:leadershipClaims",
        "leadershipIndicators", "leadership.foundation.1"));
    PortalSession.Page refused = browser.post(page, page, Map.of("leadershipIndicators", "leadership.foundation.1",
        "leadershipClaims[0].indicator", "leadership.foundation.2", "leadershipClaims[0].statement", "Our plan"));
    PortalSession.Page sent = browser.post(page, page, Map.of("leadershipIndicators", "leadership.foundation.1",
        "leadershipClaims[0].indicator", "leadership.foundation.1", "leadershipClaims[0].statement", "Our <b>plan</b>",
        "leadershipClaims[0].links", "https://provider.example/plan"));

    // then the row offers the case's indicators, the wrong one is refused beside its field, the right one kept
    assertThat(added.status()).isEqualTo(200);
    assertThat(added.body()).contains("name=\"leadershipClaims[0].indicator\"").contains("value=\"leadership.foundation.1\"")
        .contains("name=\"leadershipClaims[0].statement\"");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("row 1: must be one of the indicators ticked above");
    assertThat(sent.status()).as(sent.body()).isEqualTo(302);
    assertThat(((SerializableValue) runtimeService.getVariableTyped(processInstanceId, "leadershipClaims", false))
        .getValueSerialized()).contains("\"indicator\":\"leadership.foundation.1\"").contains("Our <b>plan</b>");
  }

  @Test
  void shouldShowAWelshCasesFormInWelshAndCompleteIt() {
    // given a case in Welsh
    String taskId = selfAssessmentOf("portal-task-cy", "cy");
    PortalSession browser = new PortalSession(port);
    browser.logIn("portal-task-cy", "secret-portal-task-cy");
    String processInstanceId = taskService.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();

    // when
    PortalSession.Page form = browser.get("/portal/tasks/" + taskId);
    PortalSession.Page english = browser.get("/portal/tasks/" + taskId + "?lang=en");
    PortalSession.Page refused = browser.post("/portal/tasks/" + taskId + "?lang=cy", "/portal/tasks/" + taskId,
        Map.of("leadershipEvidence", "Ein polisi"));
    PortalSession.Page sent = browser.post("/portal/tasks/" + taskId + "?lang=cy", "/portal/tasks/" + taskId, Map.of(
        "leadershipIndicators", "leadership.foundation.1", "leadershipEvidence", "Ein polisi"));

    // then: the form's labels, options, descriptions and text views in Welsh, its values unchanged
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body()).contains("Pa ddangosyddion arweinyddiaeth, llywodraethu ac atebolrwydd ydych chi&#39;n eu bodloni?")
        .contains(welshOptionLabel("leadership.foundation.1")) // from the case's framework version, in Welsh
        .contains("value=\"leadership.foundation.1\"").contains("Eich hunanasesiad").contains("Anfon")
        .doesNotContain("Which leadership, governance and accountability indicators do you meet?")
        .doesNotContain("Your self-assessment");
    assertThat(english.body()).contains("Which leadership, governance and accountability indicators do you meet?");
    // and the server's refusal is Welsh too, beside the field
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("hawliwch o leiaf un dangosydd yn un o&#39;r pum maes")
        .doesNotContain("claim at least one indicator");
    assertThat(sent.status()).as(sent.body()).isEqualTo(302);
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult()).isNull();
    assertThat(runtimeService.getVariableTyped(processInstanceId, "leadershipIndicators", false).getValue().toString())
        .contains("leadership.foundation.1");
    assertThat(runtimeService.getVariable(processInstanceId, "leadershipEvidence")).isEqualTo("Ein polisi");
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

  @Test
  void shouldTakeTheAnnualReturnAsAGridAndRefuseABadRowBesideItsField() {
    // given an open annual return
    String taskId = annualReturnOf("portal-grid");
    String processInstanceId = taskService.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
    PortalSession browser = new PortalSession(port);
    browser.logIn("portal-grid", "secret-portal-grid");
    String page = "/portal/tasks/" + taskId;
    Map<String, String> figures = new java.util.LinkedHashMap<>(Map.of(
        "actionPlanProgress", "Item 1: the board adopted the plan in March.",
        "discriminationComplaintsReceived", "2", "discriminationComplaintsResolved", "1",
        "ethnicGroupFigures[0].group", "A", "ethnicGroupFigures[0].served", "412",
        "ethnicGroupFigures[0].improved", "260", "ethnicGroupFigures[0].surveyed", "120",
        "ethnicGroupFigures[0].satisfied", "96"));
    figures.putAll(Map.of("ethnicGroupFigures[1].group", "H", "ethnicGroupFigures[1].served", "30",
        "ethnicGroupFigures[1].improved", "45", "ethnicGroupFigures[1].surveyed", "10",
        "ethnicGroupFigures[1].satisfied", "4"));

    // when: the form, a row added without sending, a bad second row, then the row put right
    PortalSession.Page form = browser.get(page);
    PortalSession.Page added = browser.post(page, page, Map.of("_list", "add:ethnicGroupFigures",
        "ethnicGroupFigures[0].group", "N", "ethnicGroupFigures[0].served", "7"));
    PortalSession.Page refused = browser.post(page, page, figures);
    Task stillOpen = taskService.createTaskQuery().taskId(taskId).singleResult();
    figures.put("ethnicGroupFigures[1].improved", "25");
    PortalSession.Page sent = browser.post(page, page, figures);

    // then: a row per group, chosen by name; the problem named by row and field, beside it
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body()).contains("name=\"ethnicGroupFigures[0].group\"").contains(">Indian</option>")
        .contains("name=\"ethnicGroupFigures[0].satisfied\"").doesNotContain("ethnicGroupFigures[1]");
    assertThat(added.status()).isEqualTo(200);
    assertThat(added.body()).contains("name=\"ethnicGroupFigures[1].group\"").contains("value=\"7\"");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("ethnicGroupFigures[1].improved: row 2: must be at most served (30)")
        .contains("id=\"improvedField-1-error\"");
    assertThat(stillOpen).isNotNull();
    assertThat(sent.status()).as(sent.body()).isEqualTo(302);
    assertThat(((SerializableValue) runtimeService.getVariableTyped(processInstanceId, "outcomesByEthnicGroup", false))
        .getValueSerialized()).isEqualTo("{\"A\":{\"served\":412,\"improved\":260},\"H\":{\"served\":30,\"improved\":25}}");
    assertThat(((SerializableValue) runtimeService.getVariableTyped(processInstanceId, "satisfactionByEthnicGroup", false))
        .getValueSerialized()).isEqualTo("{\"A\":{\"surveyed\":120,\"satisfied\":96},\"H\":{\"surveyed\":10,\"satisfied\":4}}");
    assertThat(runtimeService.getVariables(processInstanceId)).doesNotContainKey("ethnicGroupFigures");
  }

  @Test
  void shouldAttachADocumentToAClaimAndLetOnlyTheCasesOrganisationAndStaffFetchIt() throws Exception {
    // given an applicant on its self-assessment, and another organisation
    OpenSelfAssessment open = selfAssessmentOpenedBy("portal-doc-a");
    String taskId = open.taskId();
    String caseId = open.caseId();
    PortalSession browser = open.browser();
    String page = open.page();

    // when the applicant types some evidence and attaches a PDF named with markup to a claimed indicator
    PortalSession.Page attached = browser.postWithFile(page, page, Map.of("action", "attach",
        "documentIndicator", "leadership.foundation.1", "leadershipEvidence", "Typed before attaching"),
        "board <b>minutes</b>.pdf", PDF);

    // then it is kept under a name without markup, listed on the page, and what was typed is still there
    assertThat(attached.status()).as(attached.body()).isEqualTo(200);
    assertThat(documents.of(caseId)).singleElement().satisfies(d -> {
      assertThat(d.indicatorId()).isEqualTo("leadership.foundation.1");
      assertThat(d.contentType()).isEqualTo("application/pdf");
      assertThat(d.uploadedBy()).isEqualTo("portal-doc-a");
    });
    String documentId = documents.of(caseId).get(0).id();
    assertThat(attached.body()).contains("/portal/documents/" + documentId).contains("board _b_minutes__b_.pdf")
        .doesNotContain("<b>minutes</b>").contains("Typed before attaching");

    // and the organisation fetches it as a download of its stored type, never inline
    HttpResponse<byte[]> download = browser.download("/portal/documents/" + documentId);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(PDF);
    assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
    assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

    // and another organisation cannot, nor anyone not logged in to Tasklist
    user("portal-doc-other", "applicants").post("/api/applications", registration("doc-other@example.org"));
    PortalSession other = new PortalSession(port);
    other.logIn("portal-doc-other", "secret-portal-doc-other");
    assertThat(other.download("/portal/documents/" + documentId).statusCode()).isEqualTo(404);
    assertThat(new PortalSession(port).download(ClaimDocuments.STAFF_PATH + documentId).statusCode()).isEqualTo(401);

    // when the self-assessment is submitted
    PortalSession.Page sent = browser.post(page, page, Map.of("leadershipIndicators", "leadership.foundation.1",
        "leadershipEvidence", "Our board minutes"));
    assertThat(sent.status()).as(sent.body()).isEqualTo(302);

    // then the support officer's task shows a link to it, and the support officer fetches it from Tasklist's session
    Task review = await().atMost(ASYNC).until(() -> taskService.createTaskQuery().processInstanceId(caseId)
        .taskDefinitionKey(REVIEW_SELF_ASSESSMENT).singleResult(), java.util.Objects::nonNull);
    assertThat((String) taskService.getVariableLocal(review.getId(), CertificationProcess.CLAIM_DOCUMENTS_TEXT.name()))
        .contains("(" + ClaimDocuments.STAFF_PATH + documentId + ")").contains("leadership\\.foundation\\.1")
        .doesNotContain("<b>");
    user("portal-doc-support", "support-officers");
    WebappSession support = new WebappSession(port).login("portal-doc-support", "secret-portal-doc-support");
    HttpResponse<String> staff = support.get(ClaimDocuments.STAFF_PATH + documentId);
    assertThat(staff.statusCode()).isEqualTo(200);
    assertThat(staff.body()).isEqualTo(new String(PDF, StandardCharsets.US_ASCII));
    assertThat(staff.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");

    // and an assessor with no task of the case cannot
    user("portal-doc-assessor", "assessors");
    WebappSession assessor = new WebappSession(port).login("portal-doc-assessor", "secret-portal-doc-assessor");
    assertThat(assessor.get(ClaimDocuments.STAFF_PATH + documentId).statusCode()).isEqualTo(404);
  }

  @Test
  void shouldRefuseAnExecutableNamedPdfAnIndicatorNotOfferedTenMegabytesAndAMissingCsrfToken() {
    // given
    OpenSelfAssessment open = selfAssessmentOpenedBy("portal-doc-b");
    String taskId = open.taskId();
    String caseId = open.caseId();
    PortalSession browser = open.browser();
    String page = open.page();

    // when
    PortalSession.Page executable = browser.postWithFile(page, page, Map.of("action", "attach",
        "documentIndicator", "leadership.foundation.1"), "policy.pdf", EXECUTABLE);
    PortalSession.Page html = browser.postWithFile(page, page, Map.of("action", "attach",
        "documentIndicator", "leadership.foundation.1"), "policy.pdf",
        "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
    PortalSession.Page indicator = browser.postWithFile(page, page, Map.of("action", "attach",
        "documentIndicator", "<script>x</script>"), "policy.pdf", PDF);
    byte[] huge = new byte[10 * 1024 * 1024];
    System.arraycopy(PDF, 0, huge, 0, PDF.length);
    PortalSession.Page tooLarge = browser.postWithFile(page, page, Map.of("action", "attach",
        "documentIndicator", "leadership.foundation.1"), "huge.pdf", huge);
    PortalSession.Page noToken = browser.postWithFile(null, page, Map.of("action", "attach",
        "documentIndicator", "leadership.foundation.1"), "policy.pdf", PDF);

    // then each is refused, saying why beside the field where there is a page, and nothing is kept or completed
    assertThat(executable.status()).isEqualTo(400);
    assertThat(executable.body()).contains("The document must be a PDF, Word (DOCX), Excel (XLSX), PNG or JPEG file");
    assertThat(html.status()).isEqualTo(400);
    assertThat(indicator.status()).isEqualTo(400);
    assertThat(indicator.body()).contains("Choose one of the indicators listed").doesNotContain("<script>x</script>");
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(noToken.status()).isEqualTo(403);
    assertThat(documents.of(caseId)).isEmpty();
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
  }

  // --- hostile input (the sign-up's, the colleagues' and the public pages' have their own tests)

  @Test
  void shouldEscapeMarkupTypedInEveryFieldOfARefusedTaskAndChangeNothing() {
    // given
    OpenSelfAssessment open = selfAssessmentOpenedBy("portal-hostile-a");
    String taskId = open.taskId();
    String caseId = open.caseId();
    PortalSession browser = open.browser();
    String page = open.page();
    Map<String, String> hostile = new java.util.LinkedHashMap<>();
    for (String area : org.equitymark.framework.EvidenceFramework.AREA_IDS) {
      hostile.put(area + "Evidence", "</textarea><script>alert('" + area + "')</script>");
    }
    hostile.put("leadershipIndicators", "<img src=x onerror=alert(1)>");
    hostile.put("<svg onload=alert(2)>", "1");

    // when markup is sent in every text field, as an indicator and as a field's name
    PortalSession.Page refused = browser.post(page, page, hostile);

    // then the page refuses it and shows it back as text only, and the case is as it was
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("&lt;/textarea&gt;&lt;script&gt;alert(")
        .doesNotContain("<script>alert(", "<img src=x", "<svg onload");
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
    assertThat(runtimeService.getVariable(caseId, "leadershipEvidence")).isNull();
  }

  @Test
  void shouldAnswerTenMegabytesSentToAPageWithAPageAndChangeNothing() {
    // given
    OpenSelfAssessment open = selfAssessmentOpenedBy("portal-hostile-b");
    String taskId = open.taskId();
    String caseId = open.caseId();
    PortalSession browser = open.browser();
    String page = open.page();

    // when ten megabytes of evidence are sent from the task's page, and to the sign-up page
    PortalSession.Page task = browser.post(page, page, Map.of("leadershipIndicators", "leadership.foundation.1",
        "leadershipEvidence", "x".repeat(10 * 1024 * 1024)));
    org.equitymark.support.FormClient contact = new org.equitymark.support.FormClient(port);
    contact.get("/apply?lang=cy");
    org.equitymark.support.FormClient.Page signUp = contact.submit("/apply?lang=cy",
        Map.of("organisationName", "x".repeat(10 * 1024 * 1024)));

    // then a page (not JSON) says the form was too large, in the person's language, and nothing changed
    assertThat(task.status()).isEqualTo(413);
    assertThat(task.body()).contains("<html lang=\"en\"", "<h1>Too much was sent</h1>");
    assertThat(signUp.status()).isEqualTo(413);
    assertThat(signUp.body()).contains("<html lang=\"cy\"", "<h1>Anfonwyd gormod</h1>");
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
    assertThat(runtimeService.getVariable(caseId, "leadershipEvidence")).isNull();
  }

  @Test
  void shouldNotRemoveAnotherOrganisationsDocumentNorOneWithoutTheToken() {
    // given a document of one organisation, and another organisation on its own self-assessment
    OpenSelfAssessment open = selfAssessmentOpenedBy("portal-hostile-c");
    String taskId = open.taskId();
    String caseId = open.caseId();
    PortalSession owner = open.browser();
    String page = open.page();
    owner.postWithFile(page, page, Map.of("action", "attach", "documentIndicator", "leadership.foundation.1"),
        "minutes.pdf", PDF);
    String documentId = documents.of(caseId).get(0).id();
    String otherTask = selfAssessmentOf("portal-hostile-d");
    PortalSession other = new PortalSession(port);
    other.logIn("portal-hostile-d", "secret-portal-hostile-d");

    // when the other organisation asks to remove it through its own task, and the owner without the token
    PortalSession.Page foreign = other.post("/portal/tasks/" + otherTask, "/portal/tasks/" + otherTask,
        Map.of("action", "remove:" + documentId));
    PortalSession.Page noToken = owner.postWithoutToken(page, Map.of("action", "remove:" + documentId));

    // then neither is done, and the document is still the owner's
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(noToken.status()).isEqualTo(403);
    assertThat(documents.of(caseId)).extracting(ClaimDocuments.Document::id).containsExactly(documentId);
    assertThat(other.download("/portal/documents/" + documentId).statusCode()).isEqualTo(404);
  }

  @Test
  void shouldKeepADocumentsNameHarmlessOnThePageAndInTheDownload() {
    // given
    OpenSelfAssessment open = selfAssessmentOpenedBy("portal-hostile-e");
    String taskId = open.taskId();
    String caseId = open.caseId();
    PortalSession browser = open.browser();
    String page = open.page();

    // when a PDF is sent under a name with a path, markup and a right-to-left override that shows
    // "invoice\u202Efdp.exe" as "invoiceexe.pdf"
    PortalSession.Page attached = browser.postWithFile(page, page, Map.of("action", "attach",
        "documentIndicator", "leadership.foundation.1"), "../../<svg onload=alert(1)>invoice\u202Efdp.exe", PDF);

    // then it is kept as a PDF under a name of plain characters ending in .pdf, and handed out as such
    assertThat(attached.status()).as(attached.body()).isEqualTo(200);
    ClaimDocuments.Document document = documents.of(caseId).get(0);
    assertThat(document.fileName()).endsWith("invoicefdp.exe.pdf").doesNotContain("/", "<", "\u202E");
    assertThat(attached.body()).doesNotContain("<svg", "\u202E");
    HttpResponse<byte[]> download = browser.download("/portal/documents/" + document.id());
    assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment;").endsWith("invoicefdp.exe.pdf\"").doesNotContain("/", "<");
  }
}
