package org.equitymark.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.equitymark.submission.InvalidSubmissionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors of our own API as JSON a client can act on, never a stack trace. */
@RestControllerAdvice
class ApiErrors {

  @ExceptionHandler(InvalidSubmissionException.class)
  ResponseEntity<Map<String, Object>> invalid(InvalidSubmissionException e) {
    Map<String, Object> body = error("invalid", e.getMessage());
    body.put("problems", e.problems());
    return ResponseEntity.badRequest().body(body);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return ResponseEntity.badRequest().body(error("unreadable", "The request body is not the JSON object expected"));
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Map<String, Object>> forbidden(AuthorizationException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(error("forbidden", "You are not allowed to do this"));
  }

  static Map<String, Object> error(String type, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    return body;
  }
}
