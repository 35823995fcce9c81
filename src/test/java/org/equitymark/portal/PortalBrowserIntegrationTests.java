package org.equitymark.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.equitymark.certificate.Certificates;
import org.equitymark.documents.ClaimDocuments;
import org.equitymark.numbering.SequenceNumbers;
import org.equitymark.process.CertificationProcess;
import org.equitymark.registration.Organisations;
import org.equitymark.support.BrowserTestSupport;
import org.equitymark.support.TestAnnualReturns;
import org.equitymark.support.TestMailServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A new organisation's journey through its own pages in Chromium, in English and in Welsh: sign-up
 * at /apply, the link mailed to it (read from GreenMail), a password, the portal's login (by keyboard
 * alone), its cases, the self-assessment task filled (a statement for a claimed indicator in a row of its own, its
 * label in the page's language; a PDF attached to a claim by keyboard, fetched back as
 * a download by the contact and, from a Tasklist session, by the support officer) and submitted, and, after the support officer's
 * advice (given through the engine, as staff do in Tasklist), the case's timeline with the advice and
 * the gap analysis; and a certified organisation's annual return filled as a grid, a bad row refused beside its
 * field in the page's language, put right and taken. Every page passes axe (no serious or critical WCAG 2.2 AA violation), starts with
 * a working skip link, and reflows at 200% zoom; screenshots go to target/screenshots/.
 */
class PortalBrowserIntegrationTests extends BrowserTestSupport {

  private static final Pattern LINK = Pattern.compile("/apply/activate\\?token=[A-Za-z0-9_-]{43}");
  private static final Duration ASYNC = Duration.ofSeconds(30);
  private static final String PASSWORD = "Harbour-Lantern-73";
  private static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired MessageSource messages;
  @Autowired Organisations organisations;
  @Autowired SequenceNumbers numbers;
  @Autowired Certificates certificates;
  @Autowired PlatformTransactionManager transactionManager;

  @ParameterizedTest
  @ValueSource(strings = {"en", "cy"})
  void shouldSignUpSelfAssessAndReadTheSupportOfficersAdviceOnTheCasePage(String language) {
    Locale locale = Locale.forLanguageTag(language);
    page = newPerson("cy".equals(language) ? "cy-GB" : "en-GB");
    String email = "browser.signup." + language + "." + System.nanoTime() + "@example.org";
    String ward = "Browser Ward " + language + " " + System.nanoTime();

    // when the contact signs up
    page.navigate(url("/apply?lang=" + language));
    assertThat(page.locator("html").getAttribute("lang")).isEqualTo(language);
    assertAccessible("the sign-up page (" + language + ")");
    screenshot(page, "portal-" + language + "-1-apply");
    page.locator("#organisationName").fill("Harbour <b>Care</b> & Wellbeing");
    page.locator("#workplaceArea").fill(ward);
    page.locator("input[name=organisationType][value=voluntary-community]").check();
    page.locator("#staffCount").fill("40");
    page.locator("input[name=targetLevel][value=foundation]").check();
    page.locator("#contactName").fill("Nia <i>Evans</i>");
    page.locator("#contactEmail").fill(email);
    page.locator("input[name=preferredLanguage][value=" + language + "]").check();
    page.locator("main button[type=submit]").click();

    // then the page says to check the mail, and the mail has the link
    expectHeading("apply.sent.title", locale);
    assertAccessible("the check-your-mail page (" + language + ")");
    String link = await().atMost(ASYNC).until(() -> linkIn(TestMailServer.to(email)), Optional::isPresent).get();

    // when the contact follows the link and chooses a password
    page.navigate(url(link));
    assertThat(page.locator("main").textContent()).contains("Nia <i>Evans</i>");
    assertAccessible("the activation page (" + language + ")");
    page.locator("#password").fill(PASSWORD);
    page.locator("main button[type=submit]").click();

    // then the account is active and says its user name
    expectHeading("apply.activated.title", locale);
    String userId = page.locator("#user-id").textContent().strip();
    assertAccessible("the account-is-active page (" + language + ")");
    screenshot(page, "portal-" + language + "-2-activated");

    // when the contact logs in, by keyboard alone
    page.locator("main a.button").click();
    expectHeading("portal.login.title", locale);
    assertAccessible("the portal's login page (" + language + ")");
    tabTo("username");
    page.keyboard().type(userId);
    page.keyboard().press("Tab");
    assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("password");
    page.keyboard().type(PASSWORD);
    page.keyboard().press("Enter");

    // then the organisation's cases show, with the new case waiting for the finance team
    expectHeading("portal.cases.title", locale);
    assertThat(page.locator("main").textContent()).contains(ward).contains("Harbour <b>Care</b> & Wellbeing");
    String reference = (String) runtimeService.createProcessInstanceQuery()
        .variableValueEquals(CertificationProcess.WORKPLACE_AREA.name(), ward).singleResult().getBusinessKey();
    assertThat(page.locator("main").textContent()).contains(reference);
    assertAccessible("the portal's list of cases (" + language + ")");

    // when the finance team confirms the payment (in Tasklist) and the contact opens the self-assessment
    completeAs("finance", reference, CertificationProcess.Elements.CONFIRM_PAYMENT,
        Map.of("paymentReceived", true, "feeWaived", false, "paymentReference", "BACS " + reference));
    String taskId = awaitTask(reference, CertificationProcess.Elements.COMPLETE_SELF_ASSESSMENT);
    page.reload();
    page.locator("a[href$='/portal/tasks/" + taskId + "']").first().click();
    expectHeading("portal.task.completeSelfAssessment", locale);
    assertAccessible("the self-assessment task page (" + language + ")");
    page.locator("input[name=leadershipIndicators][value='leadership.foundation.1']").check();

    // when the contact adds a row of evidence for the indicator claimed (the new way: a statement per indicator)
    page.locator("button[name=_list][value='add:leadershipClaims']").click();
    Locator statement = page.locator("textarea[name='leadershipClaims[0].statement']");
    PlaywrightAssertions.assertThat(statement).isVisible();
    // then the row's labels are the form's own in the page's language (forms_cy beside the field on a Welsh page)
    assertThat(page.locator("label[for='" + statement.getAttribute("id") + "']").textContent().strip())
        .isEqualTo("cy".equals(language) ? "Beth rydych yn ei wneud" : "What you do");
    page.locator("select[name='leadershipClaims[0].indicator']").selectOption("leadership.foundation.1");
    statement.fill("Our board adopted a race-equality plan; the minutes show it");
    page.locator("textarea[name=leadershipEvidence]").fill("Our board's <script>alert(1)</script> race-equality plan");

    // when the contact attaches a PDF to the claimed indicator, by keyboard alone: on from the evidence
    // typed to the indicator (the first offered, the one claimed), the file chooser opened with Space,
    // then the Attach button pressed with Enter
    tabOnTo("documentIndicator");
    assertThat(page.locator("#documentIndicator").inputValue()).isEqualTo("leadership.foundation.1");
    tabOnTo("document");
    chooseFileByKeyboard(new FilePayload("board minutes.pdf", "application/pdf", PDF));
    page.keyboard().press("Tab");
    assertThat(page.evaluate("() => document.activeElement.value")).isEqualTo("attach");
    page.keyboard().press("Enter");

    // then the page comes back with the document listed beside its indicator and what was typed kept,
    // and the document comes back as a download (an attachment of its checked type, never inline)
    Locator attached = page.locator("ul.documents a[href*='/portal/documents/']");
    PlaywrightAssertions.assertThat(attached).hasText("board minutes.pdf");
    assertThat(page.locator("textarea[name=leadershipEvidence]").inputValue())
        .isEqualTo("Our board's <script>alert(1)</script> race-equality plan");
    assertThat(page.locator("input[name=leadershipIndicators][value='leadership.foundation.1']").isChecked()).isTrue();
    assertAccessible("the self-assessment page with a document attached (" + language + ")");
    String documentId = attached.getAttribute("href").replaceAll(".*/", "");
    assertDownload(page.context().request().get(url("/portal/documents/" + documentId)));
    screenshot(page, "portal-" + language + "-3-self-assessment");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(text("portal.form.submit", locale)).setExact(true))
        .click();

    // then the task is done, as the contact
    expectHeading("portal.cases.title", locale);
    String review = awaitTask(reference, CertificationProcess.Elements.REVIEW_SELF_ASSESSMENT);
    assertThat(runtimeService.getVariable(processInstance(reference), "leadershipEvidence"))
        .isEqualTo("Our board's <script>alert(1)</script> race-equality plan");
    assertThat(((SerializableValue) runtimeService.getVariableTyped(processInstance(reference), "leadershipClaims", false))
        .getValueSerialized()).contains("\"indicator\":\"leadership.foundation.1\"")
        .contains("Our board adopted a race-equality plan; the minutes show it");

    // and the support officer, logged in to Tasklist, fetches it from the link in the review task's form
    Page staff = loginToTasklist("support");
    assertThat((String) taskService.getVariableLocal(review, CertificationProcess.CLAIM_DOCUMENTS_TEXT.name()))
        .contains(ClaimDocuments.STAFF_PATH + documentId);
    assertDownload(staff.context().request().get(url(ClaimDocuments.STAFF_PATH + documentId)));
    staff.context().close();

    // when the support officer advises more evidence (in Tasklist)
    completeAs("support", reference, CertificationProcess.Elements.REVIEW_SELF_ASSESSMENT,
        Map.of("readyForAssessment", false, "supportAdvice", "Add <em>training</em> records & minutes"));
    assertThat(taskService.createTaskQuery().taskId(review).count()).isZero();
    awaitTask(reference, CertificationProcess.Elements.COMPLETE_SELF_ASSESSMENT);

    // then the case page shows where the case is, the advice and the gap analysis, as text
    page.navigate(url("/portal/cases/" + reference));
    assertThat(page.locator("html").getAttribute("lang")).isEqualTo(language);
    assertThat(page.locator("[aria-current=step]").count()).isOne();
    assertThat(page.locator("section.advice").textContent()).contains(text("portal.case.advice", locale))
        .contains("Add <em>training</em> records & minutes");
    assertThat(page.locator("section.advice em").count()).isZero();
    assertThat(page.locator("section.gap-analysis").textContent()).contains(text("portal.case.gapAnalysis", locale));
    assertThat(page.locator("section.gap-analysis p").textContent().strip()).isNotEmpty()
        // in the page's language: the missing areas and levels named as the page names them
        .contains(text("area.workforce", locale), text("level.foundation", locale));
    screenshot(page, "portal-" + language + "-4-case");
    assertAccessible("the case page (" + language + ")");
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "cy"})
  void shouldFillTheAnnualReturnGridRowByRowPutABadRowRightAndHaveItTaken(String language) {
    // given a certified organisation whose annual return is open, its contact logged in to the portal
    Locale locale = Locale.forLanguageTag(language);
    TestAnnualReturns.Open open = TestAnnualReturns.open("Grid Browser Trust " + language, language, organisations,
        numbers, certificates, transactionManager, runtimeService, taskService);
    String userId = "grid-browser-" + language + "-" + System.nanoTime();
    User contact = identityService.newUser(userId);
    contact.setPassword(PASSWORD);
    identityService.saveUser(contact);
    identityService.createMembership(userId, "applicants");
    identityService.createMembership(userId, CertificationProcess.organisationGroup(open.organisationId()));
    page.navigate(url("/portal/login?lang=" + language));
    page.locator("#username").fill(userId);
    page.locator("#password").fill(PASSWORD);
    page.locator("main button[type=submit]").click();
    expectHeading("portal.cases.title", locale);

    // when the contact opens the return, fills the figures and a first row, and adds a second row
    page.navigate(url("/portal/tasks/" + open.taskId()));
    expectHeading("portal.task.submitAnnualReturn", locale);
    assertAccessible("the annual return (" + language + ")");
    page.locator("textarea[name=actionPlanProgress]").fill("Item 1: the board adopted the plan in March.");
    page.locator("input[name=discriminationComplaintsReceived]").fill("2");
    page.locator("input[name=discriminationComplaintsResolved]").fill("1");
    fillRow(0, "A", "412", "260", "120", "96");
    page.locator("button[name=_list][value='add:ethnicGroupFigures']").click();
    fillRow(1, "H", "30", "45", "10", "4");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(text("portal.form.submit", locale)).setExact(true))
        .click();

    // then the second row's improved count is refused beside its field, in the page's language, the rest kept
    Locator error = page.locator("#improvedField-1-error");
    PlaywrightAssertions.assertThat(error).isVisible();
    assertThat(error.textContent()).contains("cy".equals(language) ? "rhes 2: rhaid iddo fod yn ddim mwy na" : "row 2: must be at most served (30)");
    assertThat(page.locator("input[name='ethnicGroupFigures[0].served']").inputValue()).isEqualTo("412");
    assertAccessible("the annual return with a refused row (" + language + ")");
    screenshot(page, "portal-" + language + "-5-annual-return-refused");

    // when the contact puts the row right and sends it again
    page.locator("input[name='ethnicGroupFigures[1].improved']").fill("25");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(text("portal.form.submit", locale)).setExact(true))
        .click();

    // then it is taken: the counts per group as the case keeps them
    expectHeading("portal.cases.title", locale);
    assertThat(taskService.createTaskQuery().taskId(open.taskId()).count()).isZero();
    assertThat(((SerializableValue) runtimeService.getVariableTyped(open.processInstanceId(), "outcomesByEthnicGroup",
        false)).getValueSerialized()).isEqualTo("{\"A\":{\"served\":412,\"improved\":260},\"H\":{\"served\":30,\"improved\":25}}");
  }

  private void fillRow(int row, String group, String served, String improved, String surveyed, String satisfied) {
    String at = "ethnicGroupFigures[" + row + "].";
    page.locator("select[name='" + at + "group']").selectOption(group);
    page.locator("input[name='" + at + "served']").fill(served);
    page.locator("input[name='" + at + "improved']").fill(improved);
    page.locator("input[name='" + at + "surveyed']").fill(surveyed);
    page.locator("input[name='" + at + "satisfied']").fill(satisfied);
  }

  /** Waits for the page whose h1 is the text of the key (Playwright retries until the page has come). */
  private void expectHeading(String key, Locale locale) {
    PlaywrightAssertions.assertThat(page.locator("h1")).hasText(text(key, locale));
  }

  private String text(String key, Locale locale) {
    return messages.getMessage(key, null, locale);
  }

  /** A document's answer: the PDF attached, as a download of its type that no browser sniffs or shows inline. */
  private static void assertDownload(APIResponse download) {
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(PDF);
    assertThat(download.headers()).containsEntry("content-type", "application/pdf")
        .containsEntry("x-content-type-options", "nosniff");
    assertThat(download.headers().get("content-disposition")).startsWith("attachment;");
  }

  /** Presses Tab from where the focus is until the field has it (at most 100 times: a long form's checklists). */
  /**
   * Opens the focused file input's chooser with Space and gives it the file. On a busy machine Chromium sometimes
   * drops the first key press on a file input (CI, 6 December 2026): the person presses Space again, as people do.
   */
  private void chooseFileByKeyboard(FilePayload file) {
    for (int attempt = 1; ; attempt++) {
      try {
        page.waitForFileChooser(new Page.WaitForFileChooserOptions().setTimeout(7_000),
            () -> page.keyboard().press("Space")).setFiles(file);
        return;
      } catch (com.microsoft.playwright.TimeoutError dropped) {
        if (attempt == 3) {
          throw dropped;
        }
      }
    }
  }

  private void tabOnTo(String id) {
    for (int i = 0; i < 100 && !id.equals(page.evaluate("() => document.activeElement.id")); i++) {
      page.keyboard().press("Tab");
    }
    assertThat(page.evaluate("() => document.activeElement.id")).as("Tab reaches #%s", id).isEqualTo(id);
  }

  /** Presses Tab from the top of the page until the field has the focus (at most 15 times). */
  private void tabTo(String id) {
    page.locator("body").focus();
    for (int i = 0; i < 15 && !id.equals(page.evaluate("() => document.activeElement.id")); i++) {
      page.keyboard().press("Tab");
    }
    assertThat(page.evaluate("() => document.activeElement.id")).as("Tab reaches #%s", id).isEqualTo(id);
  }

  private static Optional<String> linkIn(List<MimeMessage> mails) {
    for (MimeMessage mail : mails) {
      try {
        Matcher link = LINK.matcher(mail.getContent().toString());
        if (link.find()) {
          return Optional.of(link.group());
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return Optional.empty();
  }

  // --- staff steps, done through the engine as the staff member would in Tasklist

  private String processInstance(String reference) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId();
  }

  private String awaitTask(String reference, String taskKey) {
    return await().atMost(ASYNC).until(() -> Optional.ofNullable(taskService.createTaskQuery()
            .processInstanceBusinessKey(reference).taskDefinitionKey(taskKey).singleResult()), Optional::isPresent)
        .map(Task::getId).get();
  }

  private void completeAs(String userId, String reference, String taskKey, Map<String, Object> values) {
    String taskId = awaitTask(reference, taskKey);
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(group -> group.getId()).toList();
    identityService.setAuthentication(userId, groups);
    try {
      taskService.claim(taskId, userId);
      taskService.complete(taskId, values);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
