package org.equitymark.monitoring;

import static org.equitymark.process.CertificationProcess.CERTIFICATE_REVOKED_MESSAGE;
import static org.equitymark.process.CertificationProcess.REVOCATION_REASON;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.equitymark.access.SchemeManagers;
import org.equitymark.certificate.Certificate;
import org.equitymark.certificate.Certificates;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/certificates/{certificateNumber}/revocation} (scheme managers, HTTP Basic):
 * {@code {"revocationReason": "…"}} revokes the certificate at once. It is the message
 * {@code CertificateRevoked} to the certificate's monitoring, correlated by the case's business
 * key, so the reason is checked like any submission (400) and the case ends. 409 when the
 * certificate is not being monitored: revoked or expired already, or still in its appeal window.
 */
@RestController
class RevocationController {

  private final Certificates certificates;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;

  RevocationController(Certificates certificates, RuntimeService runtimeService, IdentityService identityService) {
    this.certificates = certificates;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
  }

  @PostMapping("/api/certificates/{certificateNumber}/revocation")
  ResponseEntity<Map<String, Object>> revoke(@PathVariable String certificateNumber,
      @RequestBody Map<String, Object> body) {
    if (!SchemeManagers.isCurrentUser(identityService)) {
      return error(HttpStatus.FORBIDDEN, "forbidden", "Only scheme managers may revoke a certificate");
    }
    Certificate certificate = certificates.find(certificateNumber).orElse(null);
    if (certificate == null) {
      return error(HttpStatus.NOT_FOUND, "not-found", "No certificate " + certificateNumber);
    }
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      runtimeService.createMessageCorrelation(CERTIFICATE_REVOKED_MESSAGE)
          .processInstanceBusinessKey(certificate.applicationReference())
          .setVariable(REVOCATION_REASON.name(), body.get(REVOCATION_REASON.name()))
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      return error(HttpStatus.CONFLICT, "conflict", "Certificate " + certificateNumber + " is " + certificate.state().id()
          + " and not being monitored: it can be revoked while active or suspended, after its appeal window");
    } finally {
      identityService.setAuthentication(caller);
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("certificateNumber", certificateNumber);
    answer.put("state", certificates.find(certificateNumber).orElseThrow().state());
    return ResponseEntity.accepted().body(answer);
  }

  private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String type, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    return ResponseEntity.status(status).body(body);
  }
}
