package org.equitymark.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript for HTTP tests of the public forms: keeps cookies, follows no
 * redirect (tests check them), posts forms URL-encoded with the form token of the last page it read.
 */
public final class FormClient {

  private static final Pattern FORM_TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private final String baseUrl;
  private String formToken;

  public FormClient(int port) {
    this.baseUrl = "http://localhost:" + port;
  }

  /** The form token of the last page read that had a form. */
  public String formToken() {
    return formToken;
  }

  public Page get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/html").GET());
  }

  /** Posts the fields with the last page's form token, as a browser submits a form. */
  public Page submit(String path, Map<String, String> fields) {
    return post(path, withToken(fields), "text/html");
  }

  /** Posts exactly the fields given (no token added), asking for the given type of answer. */
  public Page post(String path, Map<String, String> fields, String accept) {
    String body = fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(),
            StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", accept)
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** The fields with the last page's form token added. */
  public Map<String, String> withToken(Map<String, String> fields) {
    Map<String, String> withToken = new java.util.LinkedHashMap<>(fields);
    withToken.put("formToken", formToken);
    return withToken;
  }

  private Page send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      Matcher token = FORM_TOKEN.matcher(response.body());
      if (token.find()) {
        formToken = token.group(1);
      }
      return new Page(response.statusCode(), response.body(), response.headers().firstValue("Location").orElse(null));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An answer: status, body and where it redirects to, if it does. */
  public record Page(int status, String body, String location) {

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
      }
    }
  }
}
