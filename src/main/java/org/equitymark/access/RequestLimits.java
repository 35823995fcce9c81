package org.equitymark.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * Limits that keep one request from exhausting the server or the database.
 *
 * <ul>
 *   <li>A request body is at most {@code equitymark.http.max-request-bytes} (1 MB): a larger one is
 *       answered 413 (a JSON reason, or a short page for a browser) before anything reads it,
 *       whether it declares its length or is sent in chunks.
 *   <li>A request to the engine REST API (ours and the webapps') that asks for no {@code maxResults}
 *       gets {@code equitymark.http.max-results} as its default, and one to {@code /engine-rest} that
 *       asks for more gets 400. (Camunda's own {@code queryMaxResultsLimit} is not used: it also
 *       refuses the unbounded queries Tasklist makes internally, and Tasklist then shows no filters.)
 * </ul>
 */
@Configuration
class RequestLimits {

  @Bean
  FilterRegistrationBean<BodySizeLimit> bodySizeLimit(@Value("${equitymark.http.max-request-bytes}") long maxBytes,
      @Value("${equitymark.documents.max-bytes}") long maxDocumentBytes, MessageSource messages, LocaleResolver locales) {
    var registration = new FilterRegistrationBean<>(
        new BodySizeLimit(maxBytes, maxBytes + maxDocumentBytes, messages, locales));
    registration.setName("equitymark-body-size-limit");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.addUrlPatterns("/*");
    return registration;
  }

  @Bean
  FilterRegistrationBean<DefaultMaxResults> defaultMaxResults(
      @Value("${equitymark.http.max-results}") int limit) {
    var registration = new FilterRegistrationBean<>(new DefaultMaxResults(limit));
    registration.setName("equitymark-default-max-results");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    return registration;
  }

  /** 413 for a body larger than the limit. */
  static final class BodySizeLimit extends OncePerRequestFilter {

    /** Where an applicant attaches a document (multipart): the form plus one document. */
    static final String UPLOAD_PATH = "/portal/tasks/";

    private static final Pattern LANGUAGE = Pattern.compile("(?:^|&)lang=(cy|en)(?:&|$)");

    private final long defaultMaxBytes;
    private final long uploadMaxBytes;
    private final MessageSource messages;
    private final LocaleResolver locales;

    BodySizeLimit(long maxBytes, long uploadMaxBytes, MessageSource messages, LocaleResolver locales) {
      this.defaultMaxBytes = maxBytes;
      this.uploadMaxBytes = uploadMaxBytes;
      this.messages = messages;
      this.locales = locales;
    }

    /**
     * The 413, written here with its length (the connection closes on an unread body, and a client
     * still sending may lose the rest of a longer or chunked answer): for a page's form, a browser
     * asking for HTML, a short page in English or Welsh ({@code ?lang=}, else the browser's
     * language); for an API client a JSON reason.
     */
    private void tooLarge(HttpServletRequest request, HttpServletResponse response, long maxBytes) throws IOException {
      String accept = request.getHeader("Accept");
      boolean page = accept != null && accept.contains("text/html");
      String body;
      if (page) {
        Locale locale = locale(request);
        String title = HtmlUtils.htmlEscape(messages.getMessage("error.tooLarge.title", null, locale));
        body = "<!DOCTYPE html>\n<html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title
            + " - EquityMark</title></head>\n<body><main id=\"main\"><h1>" + title + "</h1><p>"
            + HtmlUtils.htmlEscape(messages.getMessage("error.tooLarge.text", null, locale))
            + "</p></main></body></html>\n";
      } else {
        body = "{\"type\":\"PayloadTooLarge\",\"message\":\"The request body is larger than " + maxBytes + " bytes\"}";
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      response.setContentType(page ? "text/html;charset=UTF-8" : "application/json;charset=UTF-8");
      response.setHeader("Connection", "close");
      response.setContentLength(bytes.length);
      response.getOutputStream().write(bytes);
      response.flushBuffer();
    }

    /**
     * The language asked in the query ({@code lang=cy} or {@code lang=en}; the body is never read),
     * else the browser's, as the pages' locale resolver reads it.
     */
    private Locale locale(HttpServletRequest request) {
      Matcher asked = LANGUAGE.matcher(request.getQueryString() == null ? "" : request.getQueryString());
      return asked.find() ? Locale.forLanguageTag(asked.group(1)) : locales.resolveLocale(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String type = request.getContentType();
      long maxBytes = request.getRequestURI().startsWith(UPLOAD_PATH) && type != null
          && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data") ? uploadMaxBytes : defaultMaxBytes;
      if (request.getContentLengthLong() > maxBytes) {
        tooLarge(request, response, maxBytes);
        return;
      }
      LimitedRequest limited = new LimitedRequest(request, maxBytes);
      try {
        chain.doFilter(limited, response);
      } catch (RuntimeException | IOException | ServletException e) {
        if (!limited.exceeded || response.isCommitted()) {
          throw e;
        }
        response.resetBuffer();
        tooLarge(request, response, maxBytes);
        return;
      }
      if (limited.exceeded && !response.isCommitted()) {
        response.resetBuffer();
        tooLarge(request, response, maxBytes);
      }
    }
  }

  /** A request whose body stream fails once more than the limit has been read (chunked bodies). */
  private static final class LimitedRequest extends HttpServletRequestWrapper {

    private final long maxBytes;
    private ServletInputStream stream;
    private boolean exceeded;

    LimitedRequest(HttpServletRequest request, long maxBytes) {
      super(request);
      this.maxBytes = maxBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream original = super.getInputStream();
        stream = new ServletInputStream() {
          private long read;

          @Override
          public int read() throws IOException {
            int b = original.read();
            if (b >= 0) {
              count(1);
            }
            return b;
          }

          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = original.read(buffer, offset, length);
            if (n > 0) {
              count(n);
            }
            return n;
          }

          private void count(int n) throws IOException {
            read += n;
            if (read > maxBytes) {
              exceeded = true;
              throw new IOException("Request body larger than " + maxBytes + " bytes");
            }
          }

          @Override
          public boolean isFinished() {
            return original.isFinished();
          }

          @Override
          public boolean isReady() {
            return original.isReady();
          }

          @Override
          public void setReadListener(ReadListener listener) {
            original.setReadListener(listener);
          }
        };
      }
      return stream;
    }
  }

  /** Adds {@code maxResults=limit} to an engine REST request that gives none. */
  static final class DefaultMaxResults extends OncePerRequestFilter {

    private final String limit;

    DefaultMaxResults(int limit) {
      this.limit = Integer.toString(limit);
    }

    private boolean exceeds(String asked) {
      try {
        return asked != null && Long.parseLong(asked.trim()) > Long.parseLong(limit);
      } catch (NumberFormatException e) {
        return false; // Camunda answers a malformed number itself
      }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String asked = request.getParameter("maxResults");
      if (asked != null || request.getQueryString() != null && request.getQueryString().contains("maxResults=")) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest/") && exceeds(asked)) {
          response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
          response.setContentType("application/json");
          response.setCharacterEncoding("UTF-8");
          response.getWriter().write("{\"type\":\"InvalidRequestException\",\"message\":\"Max results limit of "
              + limit + " exceeded\"}");
          return;
        }
        chain.doFilter(request, response);
        return;
      }
      chain.doFilter(new HttpServletRequestWrapper(request) {
        @Override
        public String getQueryString() {
          String query = super.getQueryString();
          return (query == null || query.isEmpty() ? "" : query + "&") + "maxResults=" + limit;
        }

        @Override
        public String getParameter(String name) {
          return "maxResults".equals(name) ? limit : super.getParameter(name);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
          Map<String, String[]> parameters = new LinkedHashMap<>(super.getParameterMap());
          parameters.put("maxResults", new String[] {limit});
          return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
          return Collections.enumeration(getParameterMap().keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
          return "maxResults".equals(name) ? new String[] {limit} : super.getParameterValues(name);
        }
      }, response);
    }
  }
}
