package org.equitymark.registration;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/applications}: registration without the Tasklist start form, for an
 * authenticated applicant (HTTP Basic). The body holds the registration fields as JSON scalars;
 * the answer gives the application reference. Validation is the start form's, on the server.
 */
@RestController
class ApplicationsController {

  private final Applications applications;

  ApplicationsController(Applications applications) {
    this.applications = applications;
  }

  @PostMapping("/api/applications")
  ResponseEntity<Map<String, Object>> register(@RequestBody Map<String, Object> registration) {
    Applications.Started started = applications.start(registration);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("reference", started.reference());
    body.put("processInstanceId", started.processInstanceId());
    body.put("organisationId", started.organisationId());
    return ResponseEntity.created(URI.create("/engine-rest/process-instance/" + started.processInstanceId())).body(body);
  }
}
