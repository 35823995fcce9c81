package org.equitymark.certificate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.equitymark.framework.Level;
import org.equitymark.submission.InvalidSubmissionException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The public register and certificate verification, as web pages. No login, nothing personal. */
@Controller
class PublicRegisterController {

  private final Certificates certificates;

  PublicRegisterController(Certificates certificates) {
    this.certificates = certificates;
  }

  /** One organisation of the register with its certificates: the whole organisation first, then its areas. */
  record OrganisationEntry(String organisationName, List<Certificate> certificates) {
  }

  /** The register, or the part of it a search asks for; a search it cannot run answers 400 with the reasons. */
  @GetMapping("/register")
  ModelAndView register(@RequestParam(required = false) String q, @RequestParam(required = false) String level,
      @RequestParam(required = false) String state) {
    LocalDate today = CertificateClock.today();
    RegisterQuery query;
    try {
      query = RegisterQuery.of(q, level, state);
    } catch (InvalidSubmissionException e) {
      ModelAndView page = page(List.of(), new RegisterQuery(null, null, null), today, HttpStatus.BAD_REQUEST);
      page.addObject("problems", e.problems());
      page.addObject("q", q != null && q.length() <= RegisterQuery.MAX_TEXT ? q : "");
      return page;
    }
    Map<String, OrganisationEntry> byOrganisation = new LinkedHashMap<>();
    for (Certificate certificate : certificates.register(query, today)) {
      byOrganisation.computeIfAbsent(certificate.organisationId(),
          id -> new OrganisationEntry(certificate.organisationName(), new ArrayList<>())).certificates().add(certificate);
    }
    return page(List.copyOf(byOrganisation.values()), query, today, HttpStatus.OK);
  }

  private static ModelAndView page(List<OrganisationEntry> organisations, RegisterQuery query, LocalDate today,
      HttpStatus status) {
    ModelAndView page = new ModelAndView("public/register", status);
    page.addObject("organisations", organisations);
    page.addObject("query", query);
    page.addObject("q", query.text() == null ? "" : query.text());
    page.addObject("problems", Map.of());
    page.addObject("levels", Level.certifiable());
    page.addObject("states", CertificateState.values());
    page.addObject("today", today);
    return page;
  }

  @GetMapping("/verify/{certificateNumber}")
  ModelAndView verify(@PathVariable String certificateNumber) {
    LocalDate today = CertificateClock.today();
    return certificates.find(certificateNumber)
        .map(certificate -> new ModelAndView("public/verify", Map.of(
            "certificate", certificate,
            "state", certificate.stateOn(today),
            "reassessmentInProgress", certificate.isInReassessmentGraceOn(today),
            "history", certificates.history(certificate.certificateNumber()))))
        .orElseGet(() -> notFound(certificateNumber));
  }

  private static ModelAndView notFound(String certificateNumber) {
    ModelAndView page = new ModelAndView("public/not-found", HttpStatus.NOT_FOUND);
    if (Certificate.isWellFormedNumber(certificateNumber)) {
      page.addObject("certificateNumber", certificateNumber);
    }
    return page;
  }
}
