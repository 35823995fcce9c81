package org.equitymark.signup;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.equitymark.framework.Level;
import org.equitymark.process.CertificationProcess;
import org.equitymark.ratelimit.RateLimits;
import org.equitymark.registration.RegistrationForm;
import org.equitymark.submission.InvalidSubmissionException;
import org.equitymark.submission.SubmissionValidator;
import org.equitymark.web.PublicFormTokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.servlet.view.json.MappingJackson2JsonView;

/**
 * Sign-up, without an account and without JavaScript: {@code GET /apply} shows the registration
 * form, {@code POST /apply} (a form with its form token; {@code 201} JSON with
 * {@code Accept: application/json}) checks it by the registration's own rules and mails a one-time
 * link. The same answer whether or not the address has an account. {@code GET /apply/activate?token=}
 * asks for a password (following a link changes nothing, so mail scanners that open links do no
 * harm); {@code POST /apply/activate} creates the account and starts the case.
 */
@Controller
class SignUpController {

  /** Parameters a page sends besides the form's fields. */
  private static final List<String> PAGE_PARAMETERS = List.of(PublicFormTokens.PARAMETER, "lang", "_csrf");
  private static final String STAFF_COUNT = CertificationProcess.STAFF_COUNT.name();

  private final RegistrationForm registrationForm;
  private final AccountLinks links;
  private final RateLimits limits;
  private final RateLimits.Limit perAddress;
  private final RateLimits.Limit perSender;
  private final String loginPath;

  SignUpController(RegistrationForm registrationForm, AccountLinks links, RateLimits limits,
      @Value("${equitymark.signup.max-per-address}") int maxPerAddress,
      @Value("${equitymark.signup.max-per-ip}") int maxPerSender,
      @Value("${equitymark.signup.window}") Duration window,
      @Value("${equitymark.signup.login-path}") String loginPath) {
    this.registrationForm = registrationForm;
    this.links = links;
    this.limits = limits;
    this.perAddress = new RateLimits.Limit("signup-address", maxPerAddress, window);
    this.perSender = new RateLimits.Limit("signup-ip", maxPerSender, window);
    this.loginPath = loginPath;
  }

  @GetMapping("/apply")
  ModelAndView form(HttpServletRequest request) {
    Map<String, String> values = Map.of(CertificationProcess.PREFERRED_LANGUAGE.name(),
        RequestContextUtils.getLocale(request).getLanguage());
    return form(values, Map.of(), HttpStatus.OK);
  }

  @PostMapping("/apply")
  ModelAndView apply(@RequestParam MultiValueMap<String, String> parameters,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, HttpServletRequest request,
      HttpServletResponse response) {
    boolean json = wantsJson(accept);
    Map<String, String> values = new LinkedHashMap<>();
    parameters.forEach((name, sent) -> {
      if (!PAGE_PARAMETERS.contains(name)) {
        values.put(name, String.join("\n", sent));
      }
    });
    Map<String, Object> registration = registration(values);
    Map<String, String> problems = new LinkedHashMap<>(SubmissionValidator.problems(registrationForm, registration));
    if (values.containsKey(CertificationProcess.ORGANISATION_ID.name())) {
      problems.put(CertificationProcess.ORGANISATION_ID.name(), "is not a field of sign-up: it registers a new organisation");
    }
    if (!problems.isEmpty()) {
      return json ? json(HttpStatus.BAD_REQUEST, Map.of("type", "invalid", "message",
          "The sign-up is not complete", "problems", problems)) : form(values, problems, HttpStatus.BAD_REQUEST);
    }
    String email = AccountLinks.normalised(values.get(CertificationProcess.CONTACT_EMAIL.name()));
    Optional<Duration> wait = limits.acquire(perSender, request.getRemoteAddr())
        .or(() -> limits.acquire(perAddress, email));
    if (wait.isPresent()) {
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, wait.get().toSeconds())));
      return json ? json(HttpStatus.TOO_MANY_REQUESTS, Map.of("type", "too-many-requests", "message",
          "Several sign-ups came from here or for this address already: please try later"))
          : new ModelAndView("public/apply-done", Map.of("kind", "limited"), HttpStatus.TOO_MANY_REQUESTS);
    }
    // the mail goes through the outbox: an SMTP outage delays it, the answer is the same
    links.signUp(registration);
    if (json) {
      response.setHeader(HttpHeaders.LOCATION, "/apply/sent");
      return json(HttpStatus.CREATED, Map.of("status", "check-your-mail", "message",
          "We have sent a mail to the address given: follow its link to activate the account and start the application"));
    }
    return seeOther("/apply/sent?lang=" + RequestContextUtils.getLocale(request).getLanguage());
  }

  @GetMapping("/apply/sent")
  ModelAndView sent() {
    return new ModelAndView("public/apply-done", Map.of("kind", "sent"));
  }

  @GetMapping("/apply/activate")
  ModelAndView activation(@RequestParam(required = false) String token, HttpServletResponse response) {
    response.setHeader("Referrer-Policy", "no-referrer");
    AccountLinks.Link link = links.valid(token);
    return activationPage(token, link, Map.of(), HttpStatus.OK);
  }

  @PostMapping("/apply/activate")
  ModelAndView activate(@RequestParam(required = false) String token, @RequestParam(required = false) String password,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, HttpServletResponse response) {
    response.setHeader("Referrer-Policy", "no-referrer");
    boolean json = wantsJson(accept);
    AccountLinks.Activated activated;
    try {
      activated = links.activate(token, password);
    } catch (InvalidSubmissionException e) {
      return json ? json(HttpStatus.BAD_REQUEST, Map.of("type", "invalid", "message", e.getMessage(),
          "problems", e.problems())) : activationPage(token, links.valid(token), e.problems(), HttpStatus.BAD_REQUEST);
    }
    if (json) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("userId", activated.userId());
      body.put("reference", activated.reference());
      body.put("loginPath", loginPath);
      return json(HttpStatus.OK, body);
    }
    return new ModelAndView("public/activated", Map.of("activated", activated, "loginPath", loginPath));
  }

  /** A link that cannot be used: 404 when unknown, 410 when used or expired; the page says what to do. */
  @ExceptionHandler(AccountLinks.LinkNotValidException.class)
  ModelAndView linkNotValid(AccountLinks.LinkNotValidException e, HttpServletRequest request) {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    HttpStatus status = e.known() ? HttpStatus.GONE : HttpStatus.NOT_FOUND;
    if (wantsJson(accept)) {
      return json(status, Map.of("type", e.known() ? "gone" : "not-found", "message", e.getMessage()));
    }
    return new ModelAndView("public/apply-done", Map.of("kind", "linkNotValid"), status);
  }

  private ModelAndView activationPage(String token, AccountLinks.Link link, Map<String, String> problems,
      HttpStatus status) {
    ModelAndView page = new ModelAndView("public/activate", status);
    page.addObject("token", token);
    page.addObject("invitation", !link.isSignUp());
    page.addObject("personName", link.personName());
    page.addObject("organisationName", links.organisationName(link).orElse(""));
    page.addObject("problems", problems);
    return page;
  }

  private ModelAndView form(Map<String, String> values, Map<String, String> problems, HttpStatus status) {
    ModelAndView page = new ModelAndView("public/apply", status);
    page.addObject("values", values);
    page.addObject("problems", problems);
    page.addObject("organisationTypes", RegistrationForm.ORGANISATION_TYPES);
    page.addObject("levels", Level.certifiable());
    page.addObject("languages", RegistrationForm.LANGUAGES);
    return page;
  }

  /** The form's text as the registration's variables: the staff count as a number when it is one. */
  private static Map<String, Object> registration(Map<String, String> values) {
    Map<String, Object> registration = new LinkedHashMap<>();
    values.forEach((name, value) -> {
      if (value.isBlank()) {
        return;
      }
      registration.put(name, STAFF_COUNT.equals(name) && value.strip().matches("[0-9]{1,9}")
          ? Long.valueOf(value.strip()) : value.strip());
    });
    return registration;
  }

  private static boolean wantsJson(String accept) {
    return accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE) && !accept.contains("text/html");
  }

  private static ModelAndView json(HttpStatus status, Map<String, ?> body) {
    MappingJackson2JsonView view = new MappingJackson2JsonView();
    view.setModelKeys(java.util.Set.of("body"));
    view.setExtractValueFromSingleKeyModel(true);
    ModelAndView answer = new ModelAndView(view, Map.of("body", body));
    answer.setStatus(status);
    return answer;
  }

  private static ModelAndView seeOther(String path) {
    RedirectView redirect = new RedirectView(path, true);
    redirect.setStatusCode(HttpStatus.SEE_OTHER);
    return new ModelAndView(redirect);
  }
}
