package org.equitymark.certificate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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

  @GetMapping("/register")
  ModelAndView register() {
    Map<String, OrganisationEntry> byOrganisation = new LinkedHashMap<>();
    for (Certificate certificate : certificates.register()) {
      byOrganisation.computeIfAbsent(certificate.organisationId(),
          id -> new OrganisationEntry(certificate.organisationName(), new ArrayList<>())).certificates().add(certificate);
    }
    return new ModelAndView("public/register", Map.of(
        "organisations", List.copyOf(byOrganisation.values()),
        "today", CertificateClock.today()));
  }

  @GetMapping("/verify/{certificateNumber}")
  ModelAndView verify(@PathVariable String certificateNumber) {
    LocalDate today = CertificateClock.today();
    return certificates.find(certificateNumber)
        .map(certificate -> new ModelAndView("public/verify", Map.of(
            "certificate", certificate,
            "state", certificate.stateOn(today),
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
