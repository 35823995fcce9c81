package org.equitymark.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A plain HTTP client for tests that drive the app as an outside client would: JSON, HTTP Basic. */
public final class RestClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;
  private final String authorization;

  private RestClient(String baseUrl, String authorization) {
    this.baseUrl = baseUrl;
    this.authorization = authorization;
  }

  public static RestClient anonymous(int port) {
    return new RestClient("http://localhost:" + port, null);
  }

  public RestClient as(String user, String password) {
    return new RestClient(baseUrl, "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  public Response get(String path) {
    return send(request(path).GET());
  }

  public Response post(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json").POST(json(body)));
  }

  /** A POST asking for another representation, e.g. {@code application/hal+json} as Tasklist asks for a filter's tasks. */
  public Response post(String path, Object body, String accept) {
    return send(request(path).setHeader("Accept", accept).header("Content-Type", "application/json").POST(json(body)));
  }

  public Response put(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json").PUT(json(body)));
  }

  private static HttpRequest.BodyPublisher json(Object body) {
    try {
      return HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json");
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  private Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A response: status, body and headers, with the body as JSON on demand. */
  public record Response(int status, String body, java.net.http.HttpHeaders headers) {

    /** The first value of a response header, or null. */
    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
      }
    }
  }
}
