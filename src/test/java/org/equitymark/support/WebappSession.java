package org.equitymark.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without a browser, for HTTP tests of Camunda's webapps and the pages behind their login:
 * cookies kept, redirects followed, the XSRF token sent back as the webapps' JavaScript does.
 */
public final class WebappSession {

  private static final Pattern FORM_TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");

  private final int port;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
      .followRedirects(HttpClient.Redirect.NORMAL).build();
  private final HttpClient notFollowing = HttpClient.newBuilder().cookieHandler(cookies).build();

  public WebappSession(int port) {
    this.port = port;
  }

  public HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json, text/html").GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A GET that answers a redirect as it is, instead of following it. */
  public HttpResponse<String> getWithoutRedirect(String path) throws Exception {
    return notFollowing.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> post(String path, String form, boolean withToken) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    if (withToken) {
      request.header("X-XSRF-TOKEN", token());
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Posts a file as a page's multipart form does, with the form's token ({@code formToken},
   * web/PublicFormTokens; see {@link #formToken(String)}); no redirect followed. A null token sends none.
   */
  public HttpResponse<String> upload(String path, String field, String fileName, String content, String formToken)
      throws Exception {
    String boundary = "----EquityMarkTest" + System.nanoTime();
    StringBuilder body = new StringBuilder();
    if (formToken != null) {
      body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"formToken\"\r\n\r\n")
          .append(formToken).append("\r\n");
    }
    body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(field)
        .append("\"; filename=\"").append(fileName).append("\"\r\nContent-Type: application/json\r\n\r\n")
        .append(content).append("\r\n--").append(boundary).append("--\r\n");
    return notFollowing.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The form token of a page's form, as a browser would send it back. */
  public static String formToken(String html) {
    Matcher token = FORM_TOKEN.matcher(html);
    assertThat(token.find()).as("a form token in:%n%s", html).isTrue();
    return token.group(1);
  }

  /** Logs in to Tasklist as the webapps' login page does (its XSRF token first). */
  public WebappSession login(String user, String password) throws Exception {
    get("/camunda/app/tasklist/default/");
    HttpResponse<String> login = post("/camunda/api/admin/auth/user/default/login/tasklist",
        "username=" + user + "&password=" + password, true);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    return this;
  }

  private String token() {
    return cookie("XSRF-TOKEN");
  }

  /** The value of a cookie the session holds (the last one of the name), or an empty text. */
  public String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue).reduce((a, b) -> b).orElse("");
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
