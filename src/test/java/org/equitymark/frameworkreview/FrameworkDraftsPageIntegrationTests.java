package org.equitymark.frameworkreview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import org.equitymark.access.Groups;
import org.equitymark.support.HttpTestSupport;
import org.equitymark.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The framework drafts page behind the webapps' login: a scheme manager uploads a draft file and sees
 * it listed; a file with a syntax error is refused with its line and column, one with content errors
 * with the path of each field, and neither is stored; anyone else gets 403, no one logged in is sent
 * to Tasklist's login, and a post without the page's form token is refused.
 */
class FrameworkDraftsPageIntegrationTests extends HttpTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired FrameworkDrafts drafts;
  @Autowired JdbcTemplate jdbc;

  private ObjectNode frameworkInForce(String version) throws Exception {
    ObjectNode framework = (ObjectNode) JSON.readTree(anonymous().get("/api/framework").body());
    framework.put("version", version);
    return framework;
  }

  private WebappSession manager(String id) throws Exception {
    user(id, Groups.SCHEME_MANAGERS);
    return new WebappSession(port).login(id, "secret-" + id);
  }

  private int storedVersions() {
    return jdbc.queryForObject("select count(*) from em_framework_version", Integer.class);
  }

  @Test
  void shouldStoreAValidDraftAndListItWithWhoUploadedItAndThatItIsValid() throws Exception {
    // given a scheme manager logged in to Tasklist, on the drafts page
    WebappSession manager = manager("drafts-page-manager");
    HttpResponse<String> page = manager.get("/framework/drafts");
    assertThat(page.statusCode()).isEqualTo(200);
    String version = "page-" + System.nanoTime();

    // when the manager uploads the framework in force as a new version
    HttpResponse<String> upload = manager.upload("/framework/drafts", "file", "draft.json",
        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(frameworkInForce(version)),
        WebappSession.formToken(page.body()));

    // then it is stored and listed, uploaded by the manager, valid
    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(302);
    assertThat(upload.headers().firstValue("Location")).hasValueSatisfying(l ->
        assertThat(l).endsWith("/framework/drafts?uploaded=" + version + "&lang=en"));
    String listed = manager.get("/framework/drafts?uploaded=" + version).body();
    assertThat(listed).contains("Draft " + version + " stored")
        .containsPattern("<tr data-version=\"" + version + "\">\\s*<th scope=\"row\">" + version
            + "</th>\\s*<td>drafts-page-manager</td>\\s*<td>[^<]+ UTC</td>\\s*<td>\\s*<span>Yes</span>");
    assertThat(drafts.isValidDraft(version)).isTrue();
    // and the page speaks Welsh when asked
    assertThat(manager.get("/framework/drafts?lang=cy").body()).contains("lang=\"cy\"")
        .contains("Drafftiau a lanlwythwyd").contains("Lanlwytho a gwirio");
  }

  @Test
  void shouldRefuseAFileWithASyntaxErrorGivingItsLineAndColumnAndStoreNothing() throws Exception {
    // given
    WebappSession manager = manager("drafts-syntax-manager");
    String token = WebappSession.formToken(manager.get("/framework/drafts").body());
    int before = storedVersions();

    // when the file misses a comma at the end of its second line
    HttpResponse<String> upload = manager.upload("/framework/drafts", "file", "draft.json",
        "{\n  \"version\": \"syntax-1\"\n  \"title\": \"EquityMark\"\n}", token);

    // then
    assertThat(upload.statusCode()).isEqualTo(400);
    assertThat(upload.body()).contains("The file was not stored").contains("line 3, column 3: not valid JSON");
    assertThat(storedVersions()).isEqualTo(before);
  }

  @Test
  void shouldRefuseAFileLargerThanTheConfiguredLimitAndAFormWithoutFile() throws Exception {
    // given
    WebappSession manager = manager("drafts-size-manager");
    String token = WebappSession.formToken(manager.get("/framework/drafts").body());
    int before = storedVersions();

    // when the file is larger than equitymark.framework-drafts.max-bytes (512 KB)
    HttpResponse<String> large = manager.upload("/framework/drafts", "file", "draft.json",
        "{\"version\": \"large-1\"" + " ".repeat(600_000) + "}", token);

    // then
    assertThat(large.statusCode()).isEqualTo(413);
    assertThat(large.body()).contains("larger than 512 KB");
    // and a form sent without its file is refused too
    HttpResponse<String> empty = manager.upload("/framework/drafts", "file", "draft.json", "", token);
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("Choose a file to upload");
    assertThat(storedVersions()).isEqualTo(before);
  }

  @Test
  void shouldRefuseAFileWithContentErrorsNamingEachFieldAndStoreNothing() throws Exception {
    // given a framework whose third area's first indicator has no text, and a misspelt field
    WebappSession manager = manager("drafts-content-manager");
    String token = WebappSession.formToken(manager.get("/framework/drafts").body());
    String version = "content-" + System.nanoTime();
    ObjectNode framework = frameworkInForce(version);
    ((ObjectNode) framework.path("areas").path(2).path("indicators").path(0)).remove("text");
    ((ObjectNode) framework.path("areas").path(4)).put("nmae", "Outcomes");

    // when
    HttpResponse<String> upload = manager.upload("/framework/drafts", "file", "draft.json",
        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(framework), token);

    // then both are named by their path, escaped, and nothing is stored
    assertThat(upload.statusCode()).isEqualTo(400);
    assertThat(upload.body()).contains("areas[2].indicators[0].text: missing")
        .contains("areas[4].nmae: not a field of the framework");
    assertThat(drafts.all()).noneMatch(d -> d.version().equals(version));
    assertThat(jdbc.queryForObject("select count(*) from em_framework_version where version = ?", Integer.class,
        version)).isZero();
  }

  @Test
  void shouldRefuseOtherStaffAPostWithoutTheFormTokenAndSendSomeoneNotLoggedInToTheLogin() throws Exception {
    // given a finance officer logged in to Tasklist
    user("drafts-page-finance", Groups.FINANCE);
    WebappSession finance = new WebappSession(port).login("drafts-page-finance", "secret-drafts-page-finance");
    int before = storedVersions();

    // then the page and an upload refuse it
    HttpResponse<String> page = finance.get("/framework/drafts");
    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).contains("Framework drafts are for scheme managers").doesNotContain("type=\"file\"");
    assertThat(finance.upload("/framework/drafts", "file", "draft.json", frameworkInForce("finance-1").toString(),
        finance.cookie("em-form-token")).statusCode()).isEqualTo(403);

    // and a scheme manager's post without the page's form token is refused
    WebappSession manager = manager("drafts-token-manager");
    manager.get("/framework/drafts");
    assertThat(manager.upload("/framework/drafts", "file", "draft.json", frameworkInForce("token-1").toString(), null)
        .statusCode()).isEqualTo(403);

    // and someone not logged in is sent to Tasklist's login
    HttpResponse<String> nobody = new WebappSession(port).getWithoutRedirect("/framework/drafts");
    assertThat(nobody.statusCode()).isEqualTo(302);
    assertThat(nobody.headers().firstValue("Location")).hasValueSatisfying(l ->
        assertThat(l).endsWith("/camunda/app/tasklist/default/"));
    assertThat(storedVersions()).isEqualTo(before);
  }

  @Test
  void shouldCheckADraftSentByTheApiAsThePageDoesNamingEachFieldAndStoringNothingOnAProblem() throws Exception {
    // given a scheme manager of the REST API, and a framework whose first area's first indicator has no text
    var manager = user("drafts-api-manager", Groups.SCHEME_MANAGERS);
    String version = "api-" + System.nanoTime();
    ObjectNode broken = frameworkInForce(version);
    ((ObjectNode) broken.path("areas").path(0).path("indicators").path(0)).remove("text");

    // when it is put, then it is refused with the field's path (as on the page) and nothing is stored
    var refused = manager.put("/api/framework/versions/" + version, broken.toString());
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().path("problems").toString()).contains("areas[0].indicators[0].text: missing");
    assertThat(drafts.all()).noneMatch(d -> d.version().equals(version));

    // when the file names another version than the address, it is refused too
    assertThat(manager.put("/api/framework/versions/" + version, frameworkInForce("other-1").toString()).status())
        .isEqualTo(400);

    // when the valid framework is put, it is a valid draft a review may publish
    var stored = manager.put("/api/framework/versions/" + version, frameworkInForce(version).toString());
    assertThat(stored.status()).as(stored.body()).isEqualTo(200);
    assertThat(drafts.isValidDraft(version)).isTrue();
  }
}
