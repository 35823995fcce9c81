package org.equitymark.allocation;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.equitymark.allocation.AssessorDeclarationProcess.Elements.CONFIRM_DECLARATION;
import static org.equitymark.allocation.AssessorDeclarationProcess.Elements.DECLARATION_RECORDED;
import static org.equitymark.allocation.AssessorDeclarationProcess.Elements.DECLARE_INTERESTS;
import static org.equitymark.process.CertificationProcess.Elements.ALLOCATE_ASSESSORS_MANUALLY;
import static org.equitymark.process.CertificationProcess.Elements.ASSESS_EVIDENCE;
import static org.equitymark.process.CertificationProcess.Elements.PROVIDE_CLARIFICATION;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.equitymark.access.Groups;
import org.equitymark.process.CertificationProcess;
import org.equitymark.registration.Organisations;
import org.equitymark.submission.InvalidSubmissionException;
import org.equitymark.support.ProcessTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code assessor-declaration} through the real model: an assessor declares its own interests, a
 * scheme manager confirms or returns the declaration, and a tie confirmed mid-case re-allocates the
 * case the assessor leads.
 */
class AssessorDeclarationProcessTests extends ProcessTestSupport {

  @Autowired Organisations organisations;
  @Autowired PlatformTransactionManager transactionManager;

  private String newOrganisation(String name) {
    return new TransactionTemplate(transactionManager).execute(status -> organisations.register(name, "voluntary-sector").organisationId());
  }

  private ProcessInstance startDeclaration(String assessor) {
    return as(assessor, () -> runtimeService.startProcessInstanceByKey(AssessorDeclarationProcess.KEY));
  }

  private static Map<String, Object> declaration(String gender, String minoritised, String... organisationAndTie) {
    StringBuilder ties = new StringBuilder("[");
    for (int i = 0; i < organisationAndTie.length; i += 2) {
      ties.append(i == 0 ? "" : ",").append("{\"organisationId\": \"").append(organisationAndTie[i])
          .append("\", \"tie\": \"").append(organisationAndTie[i + 1]).append("\"}");
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("declaredTies", SpinValues.jsonValue(ties.append("]").toString()).create());
    variables.put("gender", gender);
    variables.put("minoritised", minoritised);
    return variables;
  }

  /** The ties the assessor has confirmed now, as organisation and tie pairs, with the new one added. */
  private String[] currentTiesAnd(String assessor, String organisationId, String tie) {
    List<String> pairs = new ArrayList<>();
    assessorPool.declarationOf(assessor).orElseThrow().ties().forEach(t -> {
      pairs.add(t.organisationId());
      pairs.add(t.tie());
    });
    pairs.add(organisationId);
    pairs.add(tie);
    return pairs.toArray(String[]::new);
  }

  private Object variable(ProcessInstance instance, String name) {
    return runtimeService.getVariable(instance.getId(), name);
  }

  @Test
  void shouldRecordAConfirmedDeclarationInThePool() {
    // given assessor6 (non-binary, minoritised) starts a declaration: the starter is the declaring assessor
    String organisationId = newOrganisation("Harbour Lane Advocacy");
    ProcessInstance declaration = startDeclaration("assessor6");
    assertThat(declaration).isWaitingAt(DECLARE_INTERESTS);
    assertThat(task(declaration, DECLARE_INTERESTS)).isAssignedTo("assessor6");
    Assertions.assertThat(variable(declaration, "gender")).as("prefilled from the pool").isEqualTo("non-binary");
    Assertions.assertThat(variable(declaration, "minoritised")).isEqualTo("yes");
    Assertions.assertThat(((JsonValue) runtimeService.getVariableTyped(declaration.getId(), "organisationOptions", false))
        .getValueSerialized()).contains("\"label\":\"Harbour Lane Advocacy (" + organisationId + ")\"")
        .contains("\"value\":\"" + organisationId + "\"");

    // when it declares a trusteeship and a scheme manager confirms
    complete("assessor6", declaration, DECLARE_INTERESTS,
        declaration("non-binary", "not-declared", currentTiesAnd("assessor6", organisationId, "trusteeship")));
    Assertions.assertThat(assessorPool.tieWith("assessor6", organisationId)).as("pending counts at decision points")
        .contains("trusteeship");
    Assertions.assertThat(assessorPool.find("assessor6").orElseThrow().hasConflictWith(organisationId))
        .as("a pending tie is not yet the pool's").isFalse();
    complete("manager1", declaration, CONFIRM_DECLARATION, Map.of("declarationConfirmed", true));
    runAsyncJobs();

    // then the pool holds the confirmed declaration
    assertThat(declaration).isEnded().hasPassed(DECLARATION_RECORDED);
    Assessor assessor = assessorPool.find("assessor6").orElseThrow();
    Assertions.assertThat(assessor.hasConflictWith(organisationId)).isTrue();
    Assertions.assertThat(assessor.minoritised()).isEqualTo(Assessor.Minoritised.NOT_DECLARED);
    Assertions.assertThat(assessor.gender()).isEqualTo(Assessor.Gender.NON_BINARY);
  }

  @Test
  void shouldReturnADeclarationWithAReasonAndKeepThePoolAsItWas() {
    // given
    String organisationId = newOrganisation("Northgate Carers' Forum");
    ProcessInstance declaration = startDeclaration("assessor5");
    complete("assessor5", declaration, DECLARE_INTERESTS,
        declaration("man", "no", currentTiesAnd("assessor5", organisationId, "employment")));

    // when a scheme manager returns it without a reason, then it is refused; with one, it goes back
    Assertions.assertThatThrownBy(() -> complete("manager1", declaration, CONFIRM_DECLARATION,
            Map.of("declarationConfirmed", false)))
        .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("returnReason");
    complete("manager1", declaration, CONFIRM_DECLARATION, Map.of("declarationConfirmed", false,
        "returnReason", "Was this employment, or a <b>volunteer</b> role? Please check."));

    // then the assessor has its declaration back with the reason, and allocation does not use it
    assertThat(declaration).isWaitingAt(DECLARE_INTERESTS);
    Assertions.assertThat((String) variable(declaration, "returnReasonText")).contains("&lt;b&gt;volunteer&lt;/b&gt;");
    Assertions.assertThat(assessorPool.find("assessor5").orElseThrow().hasConflictWith(organisationId)).isFalse();
    Assertions.assertThat(assessorPool.tieWith("assessor5", organisationId)).contains("employment");

    // and when the declaration is withdrawn (cancelled), its pending tie no longer counts
    runtimeService.deleteProcessInstance(declaration.getId(), "withdrawn");
    Assertions.assertThat(assessorPool.tieWith("assessor5", organisationId)).isEmpty();
  }

  @Test
  void shouldReallocateTheCaseWhoseLeadAssessorDeclaresATieWithItsOrganisation() {
    // given a case being assessed
    ProcessInstance instance = caseReadyForAssessment(newApplicant(), uniqueEmail(), "developing",
        allIndicatorsUpTo("developing"));
    assertThat(instance).isWaitingAt(ASSESS_EVIDENCE);
    String lead = leadAssessor(instance);
    String organisationId = (String) variable(instance, CertificationProcess.ORGANISATION_ID.name());

    // when the lead declares a consultancy tie with the organisation and it is confirmed
    ProcessInstance declaration = startDeclaration(lead);
    complete(lead, declaration, DECLARE_INTERESTS, declaration(
        (String) variable(declaration, "gender"), (String) variable(declaration, "minoritised"),
        currentTiesAnd(lead, organisationId, "consultancy")));
    complete("manager1", declaration, CONFIRM_DECLARATION, Map.of("declarationConfirmed", true));
    runAsyncJobs();

    // then the assessment is taken from it and re-allocated by a scheme manager, with a note on the case
    assertThat(instance).isWaitingAt(ALLOCATE_ASSESSORS_MANUALLY);
    Assertions.assertThat((String) variable(instance, "assessorTieNote"))
        .contains(lead + " declared a consultancy tie with this organisation").contains("confirmed by manager1");
    Assertions.assertThat(((JsonValue) runtimeService.getVariableTyped(instance.getId(), "eligibleAssessors", false))
        .getValueSerialized()).doesNotContain("\"" + lead + "\"");
    Assertions.assertThatThrownBy(() -> complete("manager1", instance, ALLOCATE_ASSESSORS_MANUALLY,
        Map.of("leadAssessor", lead))).isInstanceOf(InvalidSubmissionException.class);
    String next = List.of("assessor1", "assessor2", "assessor3").stream().filter(id -> !id.equals(lead)).findFirst().orElseThrow();
    complete("manager1", instance, ALLOCATE_ASSESSORS_MANUALLY, Map.of("leadAssessor", next));
    assertThat(instance).isWaitingAt(ASSESS_EVIDENCE);
    assertThat(task(instance, ASSESS_EVIDENCE)).isAssignedTo(next);
  }

  @Test
  void shouldReallocateACaseWaitingForClarificationWhenItComesBackToTheTiedLead() {
    // given a case whose lead asked the applicant for clarification
    String applicant = newApplicant();
    ProcessInstance instance = caseReadyForAssessment(applicant, uniqueEmail(), "developing",
        allIndicatorsUpTo("developing"));
    String lead = leadAssessor(instance);
    complete(lead, instance, ASSESS_EVIDENCE, assessment(true, allIndicatorsUpTo("developing")));
    runAsyncJobs();
    assertThat(instance).isWaitingAt(PROVIDE_CLARIFICATION);
    String organisationId = (String) variable(instance, CertificationProcess.ORGANISATION_ID.name());

    // when the lead's tie is confirmed meanwhile, and the applicant answers
    ProcessInstance declaration = startDeclaration(lead);
    complete(lead, declaration, DECLARE_INTERESTS, declaration(
        (String) variable(declaration, "gender"), (String) variable(declaration, "minoritised"),
        currentTiesAnd(lead, organisationId, "community")));
    complete("manager1", declaration, CONFIRM_DECLARATION, Map.of("declarationConfirmed", true));
    runAsyncJobs();
    assertThat(instance).isWaitingAt(PROVIDE_CLARIFICATION);
    complete(applicant, instance, PROVIDE_CLARIFICATION,
        Map.of("clarificationResponse", "The minutes of the March board meeting are attached."));

    // then the case goes to re-allocation, not back to the tied lead
    assertThat(instance).isWaitingAt(ALLOCATE_ASSESSORS_MANUALLY);
    Assertions.assertThat((String) variable(instance, "assessorTieNote")).contains(lead + " declared a community tie");
  }

  @Test
  void shouldRefuseUnknownOrganisationsMarkupAnotherAssessorsDeclarationAndAStarterField() {
    // given
    String organisationId = newOrganisation("Eastfield Community Mental Health Team");
    ProcessInstance declaration = startDeclaration("assessor4");

    // then: an organisation that is not the scheme's, markup instead of an id, an unknown kind of tie
    for (Map<String, Object> wrong : List.of(declaration("woman", "no", "99999999999", "employment"),
        declaration("woman", "no", "<script>alert(1)</script>", "employment"),
        declaration("woman", "no", organisationId, "<b>friend</b>"),
        declaration("woman", "no", organisationId, "employment", organisationId, "consultancy"),
        declaration("<i>woman</i>", "no"))) {
      Assertions.assertThatThrownBy(() -> complete("assessor4", declaration, DECLARE_INTERESTS, wrong))
          .isInstanceOf(InvalidSubmissionException.class);
    }
    Assertions.assertThatThrownBy(() -> complete("assessor4", declaration, DECLARE_INTERESTS,
            declaration("woman", "no", "99999999999", "employment")))
        .hasMessageContaining("names no organisation of the scheme");
    // nobody else makes assessor4's declaration: another assessor does not even see the task, and a
    // scheme manager, who sees every task, is refused
    ensureUser("assessor4b", Groups.ASSESSORS);
    Assertions.assertThat(as("assessor4b", () -> taskService.createTaskQuery().processInstanceId(declaration.getId()).count()))
        .isZero();
    Assertions.assertThatThrownBy(() -> complete("manager1", declaration, DECLARE_INTERESTS,
            declaration("woman", "no", organisationId, "employment")))
        .isInstanceOf(InvalidSubmissionException.class)
        .hasMessageContaining("manager1 may not make assessor4's declaration");
    assertThat(declaration).isWaitingAt(DECLARE_INTERESTS);
    Assertions.assertThat(assessorPool.tieWith("assessor4", organisationId)).isEmpty();

    // nor name the declaring assessor in the start form, nor start as someone who is not an assessor
    Assertions.assertThatThrownBy(() -> as("assessor4", () -> runtimeService.startProcessInstanceByKey(
            AssessorDeclarationProcess.KEY, Map.of("declaringAssessor", "assessor1"))))
        .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("declaringAssessor");
    Assertions.assertThatThrownBy(() -> startDeclaration("support1")).isInstanceOf(AuthorizationException.class);
    Assertions.assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(AssessorDeclarationProcess.KEY))
        .as("nobody signed in").isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("only an assessor");
  }
}
