package org.equitymark.feedback;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.equitymark.certificate.Certificate;
import org.equitymark.certificate.Certificates;
import org.equitymark.web.PublicFormTokens;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Public feedback from a page: the form on {@code /verify/{n}} posts to {@code POST /feedback/{n}}
 * (with the form token of {@link PublicFormTokens}), under the same rules and limits as
 * {@code POST /api/feedback/{n}}. Accepted: a redirect to the thank-you page. Refused: the form again
 * with the reasons beside the fields (400), or a page asking to try later (429).
 */
@Controller
class FeedbackPageController {

  /** Parameters a page sends besides the form's fields. */
  private static final List<String> PAGE_PARAMETERS = List.of(PublicFormTokens.PARAMETER, "lang", "_csrf");

  private final PublicFeedback feedback;
  private final Certificates certificates;

  FeedbackPageController(PublicFeedback feedback, Certificates certificates) {
    this.feedback = feedback;
    this.certificates = certificates;
  }

  @GetMapping("/feedback/{certificateNumber}")
  ModelAndView form(@PathVariable String certificateNumber) {
    return certificates.find(certificateNumber)
        .map(certificate -> form(certificate, Map.of(), Map.of(), HttpStatus.OK))
        .orElseGet(FeedbackPageController::notFound);
  }

  @PostMapping("/feedback/{certificateNumber}")
  ModelAndView receive(@PathVariable String certificateNumber, @RequestParam MultiValueMap<String, String> parameters,
      HttpServletRequest request) {
    Optional<Certificate> certificate = certificates.find(certificateNumber);
    if (certificate.isEmpty()) {
      return notFound();
    }
    Map<String, String> values = new LinkedHashMap<>();
    parameters.forEach((name, sent) -> {
      if (!PAGE_PARAMETERS.contains(name)) {
        values.put(name, String.join("\n", sent));
      }
    });
    Map<String, String> problems = FeedbackForm.problems(values);
    if (!problems.isEmpty()) {
      return form(certificate.get(), values, problems, HttpStatus.BAD_REQUEST);
    }
    Optional<Duration> wait = feedback.submit(certificateNumber, values.get(FeedbackForm.SUBMITTER_TYPE),
        values.get(FeedbackForm.MESSAGE), request.getRemoteAddr());
    if (wait.isPresent()) {
      ModelAndView page = new ModelAndView("public/feedback-sent", HttpStatus.TOO_MANY_REQUESTS);
      page.addObject("certificate", certificate.get());
      page.addObject("limited", true);
      return page;
    }
    // after a POST, a 303 to a page of its own: reloading the thank-you page sends nothing twice
    RedirectView thanks = new RedirectView("/feedback/" + certificateNumber + "/thanks?lang="
        + RequestContextUtils.getLocale(request).getLanguage(), true);
    thanks.setStatusCode(HttpStatus.SEE_OTHER);
    return new ModelAndView(thanks);
  }

  @GetMapping("/feedback/{certificateNumber}/thanks")
  ModelAndView thanks(@PathVariable String certificateNumber) {
    return certificates.find(certificateNumber)
        .map(certificate -> new ModelAndView("public/feedback-sent", Map.of("certificate", certificate, "limited", false)))
        .orElseGet(FeedbackPageController::notFound);
  }

  private static ModelAndView form(Certificate certificate, Map<String, String> values, Map<String, String> problems,
      HttpStatus status) {
    ModelAndView page = new ModelAndView("public/feedback", status);
    page.addObject("certificate", certificate);
    page.addObject("values", values);
    page.addObject("problems", problems);
    page.addObject("submitterTypes", Feedback.SUBMITTER_TYPES);
    return page;
  }

  private static ModelAndView notFound() {
    return new ModelAndView("public/not-found", HttpStatus.NOT_FOUND);
  }
}
