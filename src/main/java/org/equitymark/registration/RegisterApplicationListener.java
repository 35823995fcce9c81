package org.equitymark.registration;

import static org.equitymark.process.CertificationProcess.APPLICATION_REFERENCE;
import static org.equitymark.process.CertificationProcess.FRAMEWORK_VERSION;
import static org.equitymark.process.CertificationProcess.ORGANISATION_ID;
import static org.equitymark.process.CertificationProcess.ORGANISATION_NAME;
import static org.equitymark.process.CertificationProcess.ORGANISATION_TYPE;
import static org.equitymark.process.CertificationProcess.PREFERRED_LANGUAGE;
import static org.equitymark.process.CertificationProcess.REASSESSMENT;
import static org.equitymark.process.CertificationProcess.REGISTERED_BY;
import static org.equitymark.process.CertificationProcess.WORKPLACE_AREA;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.equitymark.engine.CurrentUser;
import org.equitymark.engine.EngineClock;
import org.equitymark.frameworkreview.FrameworkVersions;
import org.equitymark.numbering.SequenceNumbers;
import org.equitymark.submission.InvalidSubmissionException;
import org.equitymark.submission.SubmissionValidator;
import org.springframework.stereotype.Component;

/**
 * {@code registerApplication}, the start listener of {@code certification}: whatever started the
 * case (Tasklist start form, REST, {@code /api/applications}), it validates the registration,
 * assigns the reference {@code CC-{year}-{nnnnn}} as business key, and registers the organisation
 * (or finds the applicant's own, for a workplace area of it). The registering applicant joins the
 * organisation's group, whose members work the case's tasks and read its instance.
 */
@Component("registerApplication")
public class RegisterApplicationListener implements ExecutionListener {

  static final String REFERENCE_PREFIX = "CC";
  static final String APPLICANTS_GROUP = "applicants";

  private final SubmissionValidator validator;
  private final RegistrationForm form;
  private final Organisations organisations;
  private final SequenceNumbers numbers;
  private final FrameworkVersions frameworkVersions;

  public RegisterApplicationListener(SubmissionValidator validator, RegistrationForm form,
      Organisations organisations, SequenceNumbers numbers, FrameworkVersions frameworkVersions) {
    this.validator = validator;
    this.form = form;
    this.organisations = organisations;
    this.numbers = numbers;
    this.frameworkVersions = frameworkVersions;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    // only the engine itself (no user) starts a reassessment, with the previous certificate linked
    boolean reassessmentByEngine = user == null && Boolean.TRUE.equals(REASSESSMENT.get(execution));
    validator.check(reassessmentByEngine ? new ReassessmentRegistrationForm(form) : form, execution);
    String userId = user == null ? null : user.getUserId();

    String organisationId = organisationOf(execution, user);
    organisations.find(organisationId).ifPresent(o -> ORGANISATION_NAME.set(execution, o.name()));
    String reference = numbers.nextReference(REFERENCE_PREFIX, EngineClock.currentYear());
    execution.setProcessBusinessKey(reference);
    APPLICATION_REFERENCE.set(execution, reference);
    ORGANISATION_ID.set(execution, organisationId);
    // the latest published version: a case keeps it, whatever is published later
    FRAMEWORK_VERSION.set(execution, frameworkVersions.currentVersion());
    REGISTERED_BY.set(execution, userId == null ? CurrentUser.SYSTEM : userId);
    if (REASSESSMENT.get(execution) == null) {
      REASSESSMENT.set(execution, false);
    }
    if (PREFERRED_LANGUAGE.get(execution) == null) {
      PREFERRED_LANGUAGE.set(execution, "en");
    }
    if (userId != null && isApplicant(user)) {
      organisations.addMember(userId, organisationId);
    }
    organisations.grantCaseAccess(organisationId, execution.getProcessInstanceId());
    organisations.recordApplication(reference, organisationId, WORKPLACE_AREA.get(execution),
        execution.getProcessInstanceId(), userId);
  }

  /**
   * Rules: an applicant may name only an organisation it acts for; staff (or the engine itself)
   * may name any registered one. Without a name, an applicant acting for exactly one organisation
   * registers for it (a workplace area of it, or a new cycle); otherwise a new organisation is
   * registered.
   */
  private String organisationOf(DelegateExecution execution, Authentication user) {
    String requested = ORGANISATION_ID.get(execution);
    boolean applicant = user != null && isApplicant(user);
    List<String> own = user == null ? List.of() : organisations.organisationIdsOf(user.getUserId());
    if (requested != null && !requested.isBlank()) {
      Organisation organisation = organisations.find(requested).orElseThrow(() ->
          invalid("is not a registered organisation"));
      if (applicant && !own.contains(requested)) {
        throw invalid("is not an organisation you act for");
      }
      return organisation.organisationId();
    }
    if (applicant && own.size() > 1) {
      throw invalid("is required: you act for several organisations (" + String.join(", ", own) + ")");
    }
    if (applicant && own.size() == 1) {
      return own.get(0);
    }
    return organisations.register(ORGANISATION_NAME.get(execution), ORGANISATION_TYPE.get(execution))
        .organisationId();
  }

  private static boolean isApplicant(Authentication user) {
    return user.getGroupIds() != null && user.getGroupIds().contains(APPLICANTS_GROUP);
  }

  private static InvalidSubmissionException invalid(String reason) {
    return new InvalidSubmissionException("registration", Map.of(ORGANISATION_ID.name(), reason));
  }
}
