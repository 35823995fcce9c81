package org.equitymark.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A browser without a browser, for HTTP tests of Camunda's webapps and the pages behind their login:
 * cookies kept, redirects followed, the XSRF token sent back as the webapps' JavaScript does.
 */
public final class WebappSession {

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

  /** Logs in to Tasklist as the webapps' login page does (its XSRF token first). */
  public WebappSession login(String user, String password) throws Exception {
    get("/camunda/app/tasklist/default/");
    HttpResponse<String> login = post("/camunda/api/admin/auth/user/default/login/tasklist",
        "username=" + user + "&password=" + password, true);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    return this;
  }

  private String token() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).reduce((a, b) -> b).orElse("");
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
