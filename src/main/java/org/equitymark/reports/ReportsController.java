package org.equitymark.reports;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.equitymark.access.SchemeManagers;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reports} (the list) and {@code GET /api/reports/{name}}, e.g.
 * {@code /api/reports/summary}: scheme statistics for scheme managers (HTTP Basic), as JSON, or as
 * CSV with {@code Accept: text/csv}. Other users, applicants included, get 403; the public 401.
 */
@RestController
class ReportsController {

  static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final SchemeReports reports;
  private final IdentityService identityService;

  ReportsController(SchemeReports reports, IdentityService identityService) {
    this.reports = reports;
    this.identityService = identityService;
  }

  @GetMapping("/api/reports")
  ResponseEntity<?> index() {
    if (!SchemeManagers.isCurrentUser(identityService)) {
      return forbidden();
    }
    List<Map<String, String>> index = reports.index().entrySet().stream()
        .map(e -> Map.of("report", e.getKey(), "description", e.getValue(), "url", "/api/reports/" + e.getKey()))
        .toList();
    return ResponseEntity.ok(index);
  }

  @GetMapping("/api/reports/{name}")
  ResponseEntity<?> report(@PathVariable String name,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    if (!SchemeManagers.isCurrentUser(identityService)) {
      return forbidden();
    }
    Report report = reports.index().containsKey(name) ? reports.report(name) : null;
    if (report == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
          .body(error("not-found", "No report " + name + "; see /api/reports"));
    }
    if (wantsCsv(accept)) {
      return ResponseEntity.ok().contentType(CSV)
          .header(HttpHeaders.CONTENT_DISPOSITION,
              ContentDisposition.inline().filename("equitymark-" + name + ".csv").build().toString())
          .body(ReportCsv.write(report));
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
  }

  /** CSV when the client asks for text/csv before (or instead of) JSON. */
  static boolean wantsCsv(String accept) {
    if (accept == null) {
      return false;
    }
    List<MediaType> types = new java.util.ArrayList<>(MediaType.parseMediaTypes(accept));
    org.springframework.util.MimeTypeUtils.sortBySpecificity(types);
    types.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
    for (MediaType type : types) {
      if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
        return false;
      }
      if (type.getType().equals("text") && type.getSubtype().equals("csv")) {
        return true;
      }
    }
    return false;
  }

  private ResponseEntity<Map<String, Object>> forbidden() {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON)
        .body(error("forbidden", "Reports are for scheme managers"));
  }

  private static Map<String, Object> error(String type, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    return body;
  }
}
