package org.equitymark.certificate;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.equitymark.framework.Level;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public register and certificate verification as JSON, and the certificates' PDFs. */
@RestController
class CertificateApiController {

  private final Certificates certificates;
  private final VerificationLinks links;

  CertificateApiController(Certificates certificates, VerificationLinks links) {
    this.certificates = certificates;
    this.links = links;
  }

  /** A line of the public register. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record RegisterEntry(String certificateNumber, String organisationName, String workplaceArea, Level level,
      CertificateState state, LocalDate issuedOn, LocalDate expiresOn, String verifyUrl) {
  }

  /**
   * Whether a certificate is genuine (it exists) and current (active and not past its expiry date, or
   * past it only while its reassessment is in progress: {@code reassessmentInProgress}), and what it certifies.
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Verification(String certificateNumber, boolean genuine, boolean current, boolean reassessmentInProgress,
      LocalDate reassessmentValidUntil, CertificateState state,
      Instant stateChangedOn, String stateReason, String organisationName, String workplaceArea, Level level,
      Map<String, Level> areaLevels, String frameworkVersion, LocalDate issuedOn, LocalDate expiresOn,
      String verifyUrl, String pdfUrl, List<StateChange> history) {
  }

  /** An error as the rest of our API reports it. */
  record ApiError(String type, String message) {
  }

  /** The register, or the part a search asks for ({@code ?q=&level=&state=}); 400 with the reasons for a search it cannot run. */
  @GetMapping("/api/register")
  List<RegisterEntry> register(@RequestParam(required = false) String q, @RequestParam(required = false) String level,
      @RequestParam(required = false) String state) {
    RegisterQuery query = RegisterQuery.of(q, level, state);
    LocalDate today = CertificateClock.today();
    return certificates.register(query, today).stream()
        .map(c -> new RegisterEntry(c.certificateNumber(), c.organisationName(), c.workplaceArea(), c.level(),
            c.stateOn(today), c.issuedOn(), c.expiresOn(), links.verifyUrl(c.certificateNumber())))
        .toList();
  }

  @GetMapping("/api/certificates/{certificateNumber}")
  Verification certificate(@PathVariable String certificateNumber) {
    LocalDate today = CertificateClock.today();
    Certificate c = certificates.find(certificateNumber)
        .orElseThrow(() -> new CertificateNotFoundException(certificateNumber));
    return new Verification(c.certificateNumber(), true, c.isCurrentOn(today), c.isInReassessmentGraceOn(today),
        c.reassessmentValidUntil(), c.stateOn(today), c.stateChangedOn(),
        c.stateReason(), c.organisationName(), c.workplaceArea(), c.level(), c.areaLevels(), c.frameworkVersion(),
        c.issuedOn(), c.expiresOn(), links.verifyUrl(c.certificateNumber()), links.pdfUrl(c.certificateNumber()),
        certificates.history(c.certificateNumber()));
  }

  @GetMapping("/api/certificates/{certificateNumber}/pdf")
  ResponseEntity<byte[]> pdf(@PathVariable String certificateNumber) {
    byte[] pdf = certificates.pdf(certificateNumber)
        .orElseThrow(() -> new CertificateNotFoundException(certificateNumber));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(certificateNumber + ".pdf").build().toString())
        .body(pdf);
  }

  /** JSON whatever the client accepts (a PDF reader asking for application/pdf included). */
  @ExceptionHandler(CertificateNotFoundException.class)
  ResponseEntity<ApiError> notFound(CertificateNotFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
        .body(new ApiError("not-found", e.getMessage()));
  }
}
