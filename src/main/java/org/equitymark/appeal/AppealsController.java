package org.equitymark.appeal;

import static org.equitymark.process.CertificationProcess.APPEAL_GROUNDS;
import static org.equitymark.process.CertificationProcess.APPEAL_LODGED_MESSAGE;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.equitymark.process.CertificationProcess;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/applications/{reference}/appeal}: an applicant lodges an appeal on its own case
 * within the appeal window; it is the message {@code AppealLodged} with {@code appealGrounds}.
 * Who may appeal is checked here (the applicant can read the case); the message is then correlated
 * by the engine itself, since applicants may not change cases directly.
 */
@RestController
class AppealsController {

  private final RuntimeService runtimeService;
  private final IdentityService identityService;

  AppealsController(RuntimeService runtimeService, IdentityService identityService) {
    this.runtimeService = runtimeService;
    this.identityService = identityService;
  }

  @PostMapping("/api/applications/{reference}/appeal")
  ResponseEntity<Map<String, Object>> appeal(@PathVariable String reference, @RequestBody Map<String, Object> body) {
    boolean visible = reference.matches("CC-\\d{4}-\\d{5}") && runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(CertificationProcess.KEY).processInstanceBusinessKey(reference).count() > 0;
    if (!visible) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .body(Map.of("type", "not-found", "message", "No case " + reference + " of yours is open"));
    }
    Object grounds = body.get(APPEAL_GROUNDS.name());
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      runtimeService.createMessageCorrelation(APPEAL_LODGED_MESSAGE)
          .processInstanceBusinessKey(reference)
          .setVariable(APPEAL_GROUNDS.name(), grounds)
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("type", "conflict",
          "message", "An appeal can be lodged only within 28 days of the decision, once"));
    } finally {
      identityService.setAuthentication(caller);
    }
    return ResponseEntity.accepted().body(Map.of("reference", reference, "appeal", "lodged"));
  }
}
