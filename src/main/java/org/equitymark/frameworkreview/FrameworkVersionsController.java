package org.equitymark.frameworkreview;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.equitymark.access.SchemeManagers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT /api/framework/versions/{version}} (scheme managers): uploads the draft of a new
 * framework version (the whole framework, as {@code GET /api/framework} shows it, with this
 * version), for the yearly review to publish; 409 once published. {@code GET} reads a version: any
 * published one is public, a draft is for scheme managers.
 */
@RestController
class FrameworkVersionsController {

  private final FrameworkVersions versions;
  private final FrameworkDrafts drafts;
  private final IdentityService identityService;

  FrameworkVersionsController(FrameworkVersions versions, FrameworkDrafts drafts, IdentityService identityService) {
    this.versions = versions;
    this.drafts = drafts;
    this.identityService = identityService;
  }

  @PutMapping("/api/framework/versions/{version}")
  ResponseEntity<Map<String, Object>> draft(@PathVariable String version, @RequestBody JsonNode framework) {
    if (!SchemeManagers.isCurrentUser(identityService)) {
      return answer(HttpStatus.FORBIDDEN, "forbidden", "Framework drafts are for scheme managers");
    }
    if (version.length() > 40 || !version.matches("[A-Za-z0-9._-]+")) {
      return answer(HttpStatus.BAD_REQUEST, "invalid", "A version is letters, digits, dots, dashes, at most 40");
    }
    if (versions.isPublished(version)) {
      return answer(HttpStatus.CONFLICT, "conflict", "Version " + version + " is published and never changes");
    }
    if (!version.equals(framework.path("version").asText())) {
      return answer(HttpStatus.BAD_REQUEST, "invalid", "The framework says version "
          + framework.path("version").asText("(none)") + ", not " + version);
    }
    // the same checks as the drafts page, so that a file refused there is refused here, field by field
    FrameworkDrafts.Upload upload = drafts.upload(framework.toString(),
        identityService.getCurrentAuthentication().getUserId());
    if (!upload.isStored()) {
      ResponseEntity<Map<String, Object>> refused = answer(HttpStatus.BAD_REQUEST, "invalid",
          "The framework has " + upload.problems().size() + " problem(s); nothing was saved");
      refused.getBody().put("problems", upload.problems());
      return refused;
    }
    return answer(HttpStatus.OK, "drafted", "Draft " + version + " saved; the framework review may publish it");
  }

  /** A published version, to anyone; a draft only to scheme managers (to others it does not exist). */
  @GetMapping("/api/framework/versions/{version}")
  ResponseEntity<?> read(@PathVariable String version) {
    if (!versions.isPublished(version) && !SchemeManagers.isCurrentUser(identityService)) {
      return answer(HttpStatus.NOT_FOUND, "not-found", "No published framework version " + version);
    }
    return versions.json(version).<ResponseEntity<?>>map(content -> ResponseEntity.ok()
            .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(content))
        .orElseGet(() -> answer(HttpStatus.NOT_FOUND, "not-found", "No framework version " + version));
  }

  private static ResponseEntity<Map<String, Object>> answer(HttpStatus status, String type, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    return ResponseEntity.status(status).body(body);
  }
}
