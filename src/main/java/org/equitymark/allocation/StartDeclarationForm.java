package org.equitymark.allocation;

import static org.equitymark.allocation.AssessorDeclarationProcess.DECLARING_ASSESSOR;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.plugin.variable.SpinValues;
import org.equitymark.access.Groups;
import org.equitymark.submission.Field;
import org.equitymark.submission.Problems;
import org.equitymark.submission.SubmissionForm;
import org.springframework.stereotype.Component;

/**
 * {@code declarationStarted}: the start form submits nothing (any variable is refused, a
 * {@code declaringAssessor} among them); the declaring assessor is the authenticated user, who must
 * be an assessor. The declaration then starts from the assessor's confirmed one in the pool.
 */
@Component
class StartDeclarationForm implements SubmissionForm {

  private final AssessorDeclarations declarations;
  private final IdentityService identityService;

  StartDeclarationForm(AssessorDeclarations declarations, IdentityService identityService) {
    this.declarations = declarations;
    this.identityService = identityService;
  }

  @Override
  public String activityId() {
    return AssessorDeclarationProcess.Elements.DECLARATION_STARTED;
  }

  @Override
  public List<Field> fields() {
    return List.of();
  }

  @Override
  public void accepted(DelegateExecution execution, String userId) {
    Problems problems = new Problems();
    if (identityService.createUserQuery().userId(userId).memberOfGroup(Groups.ASSESSORS).count() == 0) {
      problems.add("user", "only an assessor, signed in, declares its own interests");
    }
    problems.throwIfAny("declaration started by " + userId);
    DECLARING_ASSESSOR.set(execution, userId);
    for (Map.Entry<String, String> value : declarations.prefill(userId).entrySet()) {
      boolean json = value.getValue().startsWith("[") || value.getValue().startsWith("{");
      execution.setVariable(value.getKey(), json ? SpinValues.jsonValue(value.getValue()).create() : value.getValue());
    }
  }
}
