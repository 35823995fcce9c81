package org.equitymark.demo;

import static java.util.Map.entry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.spin.plugin.variable.SpinValues;
import org.equitymark.access.Groups;
import org.equitymark.allocation.Assessor;
import org.equitymark.allocation.AssessorDeclaration;
import org.equitymark.allocation.AssessorPool;
import org.equitymark.framework.EvidenceFramework;
import org.equitymark.framework.Frameworks;
import org.equitymark.framework.Level;
import org.equitymark.process.CertificationProcess;
import org.equitymark.registration.Organisations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo profile: a user for every role (password = user id, as in Camunda's own demo), two
 * applicant organisations, and a few cases at different stages. Only ever in profile {@code demo};
 * refused on PostgreSQL unless {@code equitymark.demo.allow-on-postgres=true}, so that no
 * production database gets demo passwords.
 */
@Component
@Profile("demo")
@Order(2)
class DemoData implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

  /** id, first name, last name, groups. */
  static final List<List<Object>> STAFF = List.of(
      List.of("manager", "Morgan", "Evans", List.of(Groups.SCHEME_MANAGERS)),
      List.of("finance", "Ffion", "Davies", List.of(Groups.FINANCE)),
      List.of("support", "Samira", "Hussain", List.of(Groups.SUPPORT_OFFICERS)),
        List.of("moderator", "Mei", "Chen", List.of(Groups.MODERATORS)),
      List.of("panel", "Priya", "Patel", List.of(Groups.CERTIFICATION_PANEL)),
      List.of("appeals", "Aled", "Roberts", List.of(Groups.APPEALS_PANEL)));

  /** The demo assessor pool: id, first name, last name, gender, minoritised (voluntary declarations). */
  static final List<List<String>> ASSESSORS = List.of(
      List.of("assessor", "Adebayo", "Okafor", "man", "yes"),
      List.of("amina", "Amina", "Begum", "woman", "yes"),
      List.of("bethan", "Bethan", "Lloyd", "woman", "no"),
      List.of("chidi", "Chidi", "Nwosu", "man", "yes"),
      List.of("deborah", "Deborah", "Campbell", "woman", "yes"),
      List.of("gareth", "Gareth", "Price", "man", "no"),
      List.of("harpreet", "Harpreet", "Kaur", "woman", "yes"),
      List.of("jo", "Jo", "Whitfield", "non-binary", "not-declared"));

  private final IdentityService identityService;
  private final AssessorPool assessorPool;
  private final Organisations organisations;
  private final RuntimeService runtimeService;
  private final TransactionTemplate transaction;
  private final CaseDriver cases;
  private final boolean onPostgres;
  private final boolean allowOnPostgres;
  private final Frameworks frameworks;

  DemoData(IdentityService identityService, AssessorPool assessorPool, Organisations organisations,
      RuntimeService runtimeService, Frameworks frameworks,
      TaskService taskService, ManagementService managementService, TransactionTemplate transaction,
      @Value("${spring.datasource.url:}") String url,
      @Value("${equitymark.demo.allow-on-postgres:false}") boolean allowOnPostgres) {
    this.identityService = identityService;
    this.frameworks = frameworks;
    this.assessorPool = assessorPool;
    this.organisations = organisations;
    this.runtimeService = runtimeService;
    this.transaction = transaction;
    this.cases = new CaseDriver(identityService, runtimeService, taskService, managementService);
    this.onPostgres = url.startsWith("jdbc:postgresql:");
    this.allowOnPostgres = allowOnPostgres;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (onPostgres && !allowOnPostgres) {
      throw new IllegalStateException("The demo profile creates users whose password is their id: it is refused on "
          + "PostgreSQL. Set equitymark.demo.allow-on-postgres=true for a throw-away database.");
    }
    if (identityService.createUserQuery().userId("manager").count() > 0) {
      return;
    }
    STAFF.forEach(s -> user((String) s.get(0), (String) s.get(1), (String) s.get(2), castList(s.get(3))));
    identityService.createMembership("demo", Groups.SCHEME_MANAGERS);

    String riverside = transaction.execute(status ->
        organisations.register("Riverside Mental Health NHS Trust", "nhs-trust").organisationId());
    String northgate = transaction.execute(status ->
        organisations.register("Northgate Community Wellbeing", "voluntary-community").organisationId());
    applicant("riverside", "Rhian", "Morgan", riverside);
    applicant("northgate", "Nkechi", "Adeyemi", northgate);
    for (List<String> a : ASSESSORS) {
      user(a.get(0), a.get(1), a.get(2), List.of(Groups.ASSESSORS));
      List<AssessorDeclaration.Tie> ties = a.get(0).equals("gareth")
          ? List.of(new AssessorDeclaration.Tie(riverside, "trusteeship")) : List.of();
      assessorPool.save(new AssessorDeclaration(a.get(0), a.get(1) + " " + a.get(2),
          Assessor.Gender.fromId(a.get(3)), Assessor.Minoritised.fromId(a.get(4)), true, ties));
    }

    if (runtimeService.createProcessInstanceQuery().processDefinitionKey(CertificationProcess.KEY).count() == 0) {
      seedCases();
    }
    LOG.info("Demo users and cases are ready: log in at /camunda/app/tasklist/ (password = user id)");
  }

  /** One case waiting for finance, one for the applicant's self-assessment, one for the support officer. */
  private void seedCases() {
    cases.register("riverside", registration("Riverside Mental Health NHS Trust", "Acute Ward 3",
        "nhs-trust", 2400, "Rhian Morgan", "rhian.morgan@riverside.example", "competence"));

    String northgate = cases.register("northgate", registration("Northgate Community Wellbeing", null,
        "voluntary-community", 35, "Nkechi Adeyemi", "nkechi@northgate.example", "developing"));
    cases.complete("finance", northgate, CertificationProcess.Elements.CONFIRM_PAYMENT,
        Map.of("paymentReceived", false, "feeWaived", true, "paymentReference", "Waived: small community organisation"));

    String team = cases.register("riverside", registration("Riverside Mental Health NHS Trust",
        "Community Mental Health Team North", "nhs-trust", 2400, "Rhian Morgan", "rhian.morgan@riverside.example",
        "foundation"));
    cases.complete("finance", team, CertificationProcess.Elements.CONFIRM_PAYMENT,
        Map.of("paymentReceived", true, "feeWaived", false, "paymentReference", "BACS 2026-11-02 RMH-4471"));
    cases.complete("riverside", team, CertificationProcess.Elements.COMPLETE_SELF_ASSESSMENT,
        withClaims(selfAssessment("Indicators", "Evidence",
            "See our {area} policy and the minutes of the March board meeting.")));

    // a case with its lead assessor, and one certified, so that Tasklist and the register have something to show
    String youth = cases.register("northgate", registration("Northgate Community Wellbeing", "Youth Wellbeing Service",
        "voluntary-community", 35, "Nkechi Adeyemi", "nkechi@northgate.example", "foundation"));
    readyForAssessment(youth, "northgate");

    String olderAdults = cases.register("riverside", registration("Riverside Mental Health NHS Trust",
        "Older Adults Community Team", "nhs-trust", 2400, "Rhian Morgan", "rhian.morgan@riverside.example",
        "foundation"));
    readyForAssessment(olderAdults, "riverside");
    Map<String, Object> findings = selfAssessment("ConfirmedIndicators", "AssessorComment",
        "Evidence for {area} confirmed from the documents and an interview with the lead.");
    findings.put("clarificationNeeded", false);
    cases.complete(cases.variable(olderAdults, "leadAssessor"), olderAdults,
        CertificationProcess.Elements.ASSESS_EVIDENCE, findings);
    cases.complete("panel", olderAdults, CertificationProcess.Elements.APPROVE_CERTIFICATION,
        Map.of("panelDecision", "approve"));
  }

  private void readyForAssessment(String caseId, String applicant) {
    cases.complete("finance", caseId, CertificationProcess.Elements.CONFIRM_PAYMENT,
        Map.of("paymentReceived", true, "feeWaived", false, "paymentReference", "BACS " + caseId.substring(0, 8)));
    cases.complete(applicant, caseId, CertificationProcess.Elements.COMPLETE_SELF_ASSESSMENT,
        withClaims(selfAssessment("Indicators", "Evidence", "Our {area} evidence: policy, minutes and monitoring data.")));
    cases.complete("support", caseId, CertificationProcess.Elements.REVIEW_SELF_ASSESSMENT,
        Map.of("readyForAssessment", true));
  }

  /**
   * Every foundation indicator of every area of the framework in force under {area}{listSuffix}, and a
   * text under {area}{textSuffix}.
   */
  private Map<String, Object> selfAssessment(String listSuffix, String textSuffix, String text) {
    Map<String, Object> variables = new HashMap<>();
    for (EvidenceFramework.Area area : frameworks.current().areas()) {
      String ids = area.indicatorsAt(Level.FOUNDATION).stream().map(i -> "\"" + i.id() + "\"")
          .collect(java.util.stream.Collectors.joining(",", "[", "]"));
      variables.put(area.id() + listSuffix, SpinValues.jsonValue(ids).create());
      variables.put(area.id() + textSuffix, text.replace("{area}", area.id()));
    }
    return variables;
  }

  /** The answers with a claim (a statement and a link) for the first Foundation indicator of each area. */
  private Map<String, Object> withClaims(Map<String, Object> answers) {
    for (EvidenceFramework.Area area : frameworks.current().areas()) {
      String first = area.indicatorsAt(Level.FOUNDATION).get(0).id();
      answers.put(CertificationProcess.claims(area.id()).name(), SpinValues.jsonValue("[{\"indicator\": \"" + first
          + "\", \"statement\": \"The board approved our " + area.id() + " plan in March; the minutes, item 4, record it.\", "
          + "\"links\": \"https://riverside.example/" + area.id() + "\"}]").create());
    }
    return answers;
  }

  private static Map<String, Object> registration(String name, String area, String type, int staff,
      String contact, String email, String target) {
    Map<String, Object> variables = new HashMap<>(Map.ofEntries(
        entry("organisationName", name), entry("organisationType", type), entry("staffCount", staff),
        entry("contactName", contact), entry("contactEmail", email), entry("targetLevel", target),
        entry("preferredLanguage", "en")));
    if (area != null) {
      variables.put("workplaceArea", area);
    }
    return variables;
  }

  private void applicant(String id, String first, String last, String organisationId) {
    user(id, first, last, List.of(Groups.APPLICANTS));
    organisations.addMember(id, organisationId);
  }

  private void user(String id, String first, String last, List<String> groups) {
    User user = identityService.newUser(id);
    user.setFirstName(first);
    user.setLastName(last);
    user.setEmail(id + "@equitymark.example");
    user.setPassword(id);
    identityService.saveUser(user);
    groups.forEach(group -> identityService.createMembership(id, group));
  }

  @SuppressWarnings("unchecked")
  private static List<String> castList(Object list) {
    return (List<String>) list;
  }
}
