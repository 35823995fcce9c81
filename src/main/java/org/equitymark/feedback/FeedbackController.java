package org.equitymark.feedback;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.equitymark.access.SchemeManagers;
import org.equitymark.certificate.Certificates;
import org.equitymark.submission.Checks;
import org.equitymark.submission.Field;
import org.equitymark.submission.InvalidSubmissionException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public feedback on certified services. {@code POST /api/feedback/{certificateNumber}}, no account:
 * {@code {"submitterType": "service-user", "message": "…"}} (at most 5000 characters; a few per
 * sender address an hour, else 429). Scheme managers list it ({@code GET /api/feedback?status=open})
 * and triage it ({@code PUT /api/feedback/{id}} with {@code status} {@code acted-on} or
 * {@code no-action} and {@code triageNotes}); open feedback is put before the next annual-return
 * review and reassessment.
 */
@RestController
class FeedbackController {

  private final PublicFeedback feedback;
  private final Certificates certificates;
  private final IdentityService identityService;
  private final RuntimeService runtimeService;

  FeedbackController(PublicFeedback feedback, Certificates certificates, IdentityService identityService,
      RuntimeService runtimeService) {
    this.feedback = feedback;
    this.certificates = certificates;
    this.identityService = identityService;
    this.runtimeService = runtimeService;
  }

  @PostMapping("/api/feedback/{certificateNumber}")
  ResponseEntity<Map<String, Object>> receive(@PathVariable String certificateNumber,
      @RequestBody Map<String, Object> body, HttpServletRequest request) {
    if (certificates.find(certificateNumber).isEmpty()) {
      return answer(HttpStatus.NOT_FOUND, "not-found", "No certificate " + certificateNumber);
    }
    Map<String, String> problems = FeedbackForm.problems(body);
    if (!problems.isEmpty()) {
      throw new InvalidSubmissionException("feedback on " + certificateNumber, problems);
    }
    Optional<Duration> wait = feedback.submit(certificateNumber, (String) body.get(FeedbackForm.SUBMITTER_TYPE),
        (String) body.get(FeedbackForm.MESSAGE), request.getRemoteAddr());
    if (wait.isPresent()) {
      return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
          .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, wait.get().toSeconds())))
          .body(error("too-many-requests", "Thank you: you have sent feedback several times already; please try later"));
    }
    return answer(HttpStatus.ACCEPTED, "received", "Thank you: the scheme will look into your feedback");
  }

  @GetMapping("/api/feedback")
  ResponseEntity<?> list(@RequestParam(required = false) String status) {
    if (!SchemeManagers.isCurrentUser(identityService)) {
      return answer(HttpStatus.FORBIDDEN, "forbidden", "Feedback is for scheme managers");
    }
    if (status != null && !Feedback.STATUSES.contains(status)) {
      throw new InvalidSubmissionException("feedback query", Map.of("status", "must be one of " + Feedback.STATUSES));
    }
    return ResponseEntity.ok(feedback.list(status));
  }

  @PutMapping("/api/feedback/{id}")
  ResponseEntity<Map<String, Object>> triage(@PathVariable long id, @RequestBody Map<String, Object> body) {
    if (!SchemeManagers.isCurrentUser(identityService)) {
      return answer(HttpStatus.FORBIDDEN, "forbidden", "Feedback is for scheme managers");
    }
    Map<String, String> problems = new LinkedHashMap<>();
    FeedbackForm.check(Field.required("status", Checks.oneOf(Feedback.TRIAGE_OUTCOMES)), body, problems);
    FeedbackForm.check(Field.required("triageNotes", Checks.paragraphs(2, 2000)), body, problems);
    if (!problems.isEmpty()) {
      throw new InvalidSubmissionException("triage of feedback " + id, problems);
    }
    if (!feedback.triage(id, (String) body.get("status"), (String) body.get("triageNotes"),
        identityService.getCurrentAuthentication().getUserId())) {
      return answer(HttpStatus.NOT_FOUND, "not-found", "No feedback " + id);
    }
    // triaged here, so nobody triages it again in Tasklist
    runtimeService.createProcessInstanceQuery().processDefinitionKey(FeedbackTriageProcess.KEY)
        .processInstanceBusinessKey(FeedbackTriageProcess.businessKey(id)).list()
        .forEach(triage -> runtimeService.deleteProcessInstance(triage.getId(), "triaged through the API"));
    return answer(HttpStatus.OK, "triaged", "Feedback " + id + " is " + body.get("status"));
  }

  private static ResponseEntity<Map<String, Object>> answer(HttpStatus status, String type, String message) {
    return ResponseEntity.status(status).body(error(type, message));
  }

  private static Map<String, Object> error(String type, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    return body;
  }
}
