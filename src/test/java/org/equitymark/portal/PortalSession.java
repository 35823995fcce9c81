package org.equitymark.portal;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A person's browser at the portal over plain HTTP: cookies kept, redirects not followed, forms with the CSRF token. */
final class PortalSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final String baseUrl;
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NEVER).build();

  PortalSession(int port) {
    this.baseUrl = "http://localhost:" + port;
  }

  record Page(int status, String body, String location) {
  }

  Page get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/html").GET());
  }

  /** Posts a form with the CSRF token of the page at {@code formPage}. */
  Page post(String formPage, String action, Map<String, String> fields) {
    Map<String, String> withToken = new LinkedHashMap<>(fields);
    withToken.put("_csrf", csrfToken(formPage));
    return postWithoutToken(action, withToken);
  }

  Page postWithoutToken(String action, Map<String, String> fields) {
    String body = fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(URI.create(baseUrl + action)).header("Accept", "text/html")
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /**
   * Posts a form as multipart/form-data with one file (field {@code document}), with the CSRF token of
   * the page at {@code formPage} unless that is null.
   */
  Page postWithFile(String formPage, String action, Map<String, String> fields, String fileName, byte[] file) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    if (formPage != null) {
      all.put("_csrf", csrfToken(formPage));
    }
    String boundary = "----portal" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    all.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
        + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"document\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(HttpRequest.newBuilder(URI.create(baseUrl + action)).header("Accept", "text/html")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /** GETs the path and keeps the answer's bytes and headers (a download). */
  HttpResponse<byte[]> download(String path) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Page send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Page(response.statusCode(), response.body(), response.headers().firstValue("Location").orElse(null));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpClient client() {
    return http;
  }

  String baseUrl() {
    return baseUrl;
  }

  String csrfToken(String formPage) {
    Matcher token = CSRF.matcher(get(formPage).body());
    if (!token.find()) {
      throw new IllegalStateException("No CSRF token on " + formPage);
    }
    return token.group(1);
  }

  /** Logs in at /portal/login; the answer is the login's redirect. */
  Page logIn(String user, String password) {
    return post("/portal/login", "/portal/login", Map.of("username", user, "password", password));
  }
}
