package org.equitymark.portal;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.equitymark.process.CertificationProcess;
import org.equitymark.ratelimit.RateLimits;
import org.equitymark.registration.Organisation;
import org.equitymark.registration.Organisations;
import org.equitymark.signup.AccountLinks;
import org.equitymark.submission.Checks;
import org.equitymark.submission.Field;
import org.equitymark.submission.SubmissionForm;
import org.equitymark.submission.SubmissionValidator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * {@code /portal/colleagues}: the people who act for the user's organisation, and an invitation of a
 * colleague by email ({@link AccountLinks#invite}: the same one-time link as a sign-up), who joins the
 * organisation's group {@code org-{id}} on following it. Only a member of an organisation invites into
 * it (any other organisation answers 404 and nothing is sent); invitations are limited per invited
 * address and per inviting user ({@code equitymark.signup.*}).
 */
@Controller
class PortalColleaguesController {

  static final String PATH = "/portal/colleagues";
  static final int MAX_MEMBERS = 200;
  /** What an invitation takes, checked as any form is (submission/). */
  static final SubmissionForm INVITATION = new SubmissionForm() {
    @Override
    public String activityId() {
      return "inviteColleague";
    }

    @Override
    public List<Field> fields() {
      return List.of(Field.required("organisation", Checks.text(1, 20)), Field.required("name", Checks.text(2, 120)),
          Field.required("email", Checks.email()), Field.required("language", Checks.oneOf("en", "cy")));
    }
  };

  private final IdentityService identityService;
  private final Organisations organisations;
  private final AccountLinks links;
  private final RateLimits limits;
  private final RateLimits.Limit perAddress;
  private final RateLimits.Limit perInviter;

  PortalColleaguesController(IdentityService identityService, Organisations organisations, AccountLinks links,
      RateLimits limits, @Value("${equitymark.signup.max-per-address}") int maxPerAddress,
      @Value("${equitymark.signup.max-invitations-per-user}") int maxPerInviter,
      @Value("${equitymark.signup.window}") Duration window) {
    this.identityService = identityService;
    this.organisations = organisations;
    this.links = links;
    this.limits = limits;
    this.perAddress = new RateLimits.Limit("invitation-address", maxPerAddress, window);
    this.perInviter = new RateLimits.Limit("invitation-user", maxPerInviter, window);
  }

  /** One organisation of the user, with the people who act for it. */
  record Team(String organisationId, String name, List<Member> members) {
  }

  record Member(String name, String email) {
  }

  @GetMapping(PATH)
  ModelAndView colleagues(Principal user) {
    return page(user.getName(), Map.of(), Map.of(), HttpStatus.OK);
  }

  @PostMapping(PATH)
  ModelAndView invite(@RequestParam Map<String, String> posted, Principal user, HttpServletResponse response) {
    Map<String, Object> invitation = new LinkedHashMap<>();
    for (String name : List.of("organisation", "name", "email", "language")) {
      String value = posted.get(name);
      if (value != null && !value.isBlank()) {
        invitation.put(name, value.strip());
      }
    }
    String organisationId = (String) invitation.get("organisation");
    if (organisationId == null || !organisationsOf(user.getName()).contains(organisationId)) {
      throw PortalController.notFound();
    }
    Map<String, String> problems = SubmissionValidator.problems(INVITATION, invitation);
    if (!problems.isEmpty()) {
      return page(user.getName(), invitation, problems, HttpStatus.BAD_REQUEST);
    }
    String email = ((String) invitation.get("email")).toLowerCase(java.util.Locale.ROOT);
    Optional<Duration> wait = limits.acquire(perInviter, user.getName()).or(() -> limits.acquire(perAddress, email));
    if (wait.isPresent()) {
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, wait.get().toSeconds())));
      return page(user.getName(), invitation, Map.of("email", "limit"), HttpStatus.TOO_MANY_REQUESTS);
    }
    links.invite(organisationId, user.getName(), (String) invitation.get("name"), email,
        (String) invitation.get("language"));
    RedirectView sent = new RedirectView(PATH + "?invited", true);
    sent.setStatusCode(HttpStatus.SEE_OTHER);
    return new ModelAndView(sent);
  }

  private ModelAndView page(String userId, Map<String, Object> values, Map<String, String> problems, HttpStatus status) {
    ModelAndView page = new ModelAndView("portal/colleagues", status);
    page.addObject("teams", teams(userId));
    page.addObject("values", values);
    page.addObject("problems", problems);
    return page;
  }

  /** The user's organisations and their members, read by the app for the user (applicants may not list users). */
  private List<Team> teams(String userId) {
    return asApp(() -> organisations.organisationIdsOf(userId).stream().map(id -> new Team(id,
        organisations.find(id).map(Organisation::name).orElse(id),
        identityService.createUserQuery().memberOfGroup(CertificationProcess.organisationGroup(id)).orderByUserLastName()
            .asc().listPage(0, MAX_MEMBERS).stream().map(PortalColleaguesController::member).toList())).toList());
  }

  private List<String> organisationsOf(String userId) {
    return asApp(() -> organisations.organisationIdsOf(userId));
  }

  private static Member member(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
    return new Member(name.isEmpty() ? user.getId() : name, user.getEmail());
  }

  /** Runs identity queries without the request's engine authentication, and puts it back. */
  private <T> T asApp(java.util.function.Supplier<T> work) {
    Authentication current = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (current != null) {
        identityService.setAuthentication(current);
      }
    }
  }
}
