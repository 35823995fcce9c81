package org.equitymark.registration;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.equitymark.process.CertificationProcess;
import org.equitymark.submission.InvalidSubmissionException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/applications}: registration without the Tasklist start form, for an
 * authenticated applicant (HTTP Basic). The body holds the registration fields as JSON scalars;
 * the answer gives the application reference. Validation is the start form's, on the server.
 */
@RestController
class ApplicationsController {

  private final RuntimeService runtimeService;

  ApplicationsController(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @PostMapping("/api/applications")
  ResponseEntity<Map<String, Object>> register(@RequestBody Map<String, Object> registration) {
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
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("reference", instance.getBusinessKey());
    body.put("processInstanceId", instance.getId());
    body.put("organisationId", instance.getVariables().get(CertificationProcess.ORGANISATION_ID.name()));
    return ResponseEntity.created(URI.create("/engine-rest/process-instance/" + instance.getId())).body(body);
  }
}
