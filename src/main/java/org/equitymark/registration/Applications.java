package org.equitymark.registration;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.equitymark.process.CertificationProcess;
import org.equitymark.submission.InvalidSubmissionException;
import org.springframework.stereotype.Component;

/**
 * Starts process {@code certification} from registration fields sent outside Tasklist
 * ({@code POST /api/applications}, an activated sign-up), as the user authenticated at the time:
 * {@code registerApplication} validates them and registers the organisation.
 */
@Component
public class Applications {

  /** A started case: its reference, process instance and organisation. */
  public record Started(String reference, String processInstanceId, String organisationId) {
  }

  private final RuntimeService runtimeService;

  Applications(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  /** Starts a case; lists and objects are refused (registration fields are single values). */
  public Started start(Map<String, ?> registration) {
    VariableMap variables = Variables.createVariables();
    Map<String, String> problems = new LinkedHashMap<>();
    registration.forEach((name, value) -> {
      if (value instanceof Map || value instanceof Iterable) {
        problems.put(name, "must be a single value, not a list or an object");
      } else if (value != null) {
        variables.putValue(name, value);
      }
    });
    if (!problems.isEmpty()) {
      throw new InvalidSubmissionException("registration", problems);
    }
    // the variables come back with the start: the caller's groups do not yet include a new organisation's
    ProcessInstanceWithVariables instance = runtimeService.createProcessInstanceByKey(CertificationProcess.KEY)
        .setVariables(variables)
        .executeWithVariablesInReturn();
    return new Started(instance.getBusinessKey(), instance.getId(),
        (String) instance.getVariables().get(CertificationProcess.ORGANISATION_ID.name()));
  }
}
