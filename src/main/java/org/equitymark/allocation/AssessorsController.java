package org.equitymark.allocation;


import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.variable.Variables;
import org.equitymark.access.Groups;
import org.equitymark.access.SchemeManagers;
import org.equitymark.submission.Checks;
import org.equitymark.submission.InvalidSubmissionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The assessor pool, for scheme managers only (HTTP Basic): {@code GET /api/assessors} lists it;
 * {@code PUT /api/assessors/{userId}} records an assessor's voluntary declarations and ties, e.g.
 * {@code {"displayName": "Amina Begum", "gender": "woman", "minoritised": "yes", "active": true,
 * "ties": [{"organisationId": "1001", "tie": "trusteeship"}]}}. The user must exist and be in group
 * {@code assessors}.
 */
@RestController
class AssessorsController {

  private final AssessorPool pool;
  private final IdentityService identityService;

  AssessorsController(AssessorPool pool, IdentityService identityService) {
    this.pool = pool;
    this.identityService = identityService;
  }

  @GetMapping("/api/assessors")
  ResponseEntity<?> list() {
    if (!SchemeManagers.isCurrentUser(identityService)) {
      return forbidden();
    }
    return ResponseEntity.ok(pool.declarations());
  }

  @PutMapping("/api/assessors/{userId}")
  ResponseEntity<?> save(@PathVariable String userId, @RequestBody Map<String, Object> body) {
    if (!SchemeManagers.isCurrentUser(identityService)) {
      return forbidden();
    }
    Map<String, String> problems = new LinkedHashMap<>();
    if (identityService.createUserQuery().userId(userId).memberOfGroup(Groups.ASSESSORS).count() == 0) {
      problems.put("userId", "is not a user in group " + Groups.ASSESSORS);
    }
    check("displayName", body.get("displayName"), Checks.text(2, 200), problems);
    check("gender", body.get("gender"), Checks.oneOf("woman", "man", "non-binary", "not-declared"), problems);
    check("minoritised", body.get("minoritised"), Checks.oneOf("yes", "no", "not-declared"), problems);
    if (!(body.get("active") instanceof Boolean)) {
      problems.put("active", "must be true or false");
    }
    List<AssessorDeclaration.Tie> ties = ties(body.get("ties"), problems);
    if (!problems.isEmpty()) {
      throw new InvalidSubmissionException("assessor " + userId, problems);
    }
    AssessorDeclaration declaration = new AssessorDeclaration(userId, (String) body.get("displayName"),
        Assessor.Gender.fromId((String) body.get("gender")), Assessor.Minoritised.fromId((String) body.get("minoritised")),
        (Boolean) body.get("active"), ties);
    pool.save(declaration);
    return ResponseEntity.ok(declaration);
  }

  private static List<AssessorDeclaration.Tie> ties(Object value, Map<String, String> problems) {
    List<AssessorDeclaration.Tie> ties = new ArrayList<>();
    if (value == null) {
      return ties;
    }
    if (!(value instanceof List<?> list) || list.size() > 500) {
      problems.put("ties", "must be a list of {organisationId, tie}");
      return ties;
    }
    for (Object item : list) {
      if (item instanceof Map<?, ?> tie && tie.get("organisationId") instanceof String org && org.matches("[0-9]{1,20}")
          && tie.get("tie") instanceof String kind && AssessorDeclaration.TIES.contains(kind)) {
        ties.add(new AssessorDeclaration.Tie(org, kind));
      } else {
        problems.put("ties", "each tie needs an organisationId and a tie, one of " + AssessorDeclaration.TIES);
      }
    }
    return ties;
  }

  private static void check(String name, Object value, org.equitymark.submission.Field.Check check,
      Map<String, String> problems) {
    if (value == null) {
      problems.put(name, "is required");
      return;
    }
    check.problem(Variables.untypedValue(value)).ifPresent(reason -> problems.put(name, reason));
  }


  private static ResponseEntity<Map<String, String>> forbidden() {
    return ResponseEntity.status(HttpStatus.FORBIDDEN)
        .body(Map.of("type", "forbidden", "message", "Only scheme managers maintain the assessor pool"));
  }
}
