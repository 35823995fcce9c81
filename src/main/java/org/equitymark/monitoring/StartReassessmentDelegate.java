package org.equitymark.monitoring;

import static org.equitymark.process.CertificationProcess.APPLICATION_REFERENCE;
import static org.equitymark.process.CertificationProcess.CONTACT_EMAIL;
import static org.equitymark.process.CertificationProcess.CONTACT_NAME;
import static org.equitymark.process.CertificationProcess.CONTACT_PHONE;
import static org.equitymark.process.CertificationProcess.ORGANISATION_ID;
import static org.equitymark.process.CertificationProcess.ORGANISATION_NAME;
import static org.equitymark.process.CertificationProcess.ORGANISATION_TYPE;
import static org.equitymark.process.CertificationProcess.PREFERRED_LANGUAGE;
import static org.equitymark.process.CertificationProcess.PREVIOUS_CERTIFICATE_NUMBER;
import static org.equitymark.process.CertificationProcess.PREVIOUS_LEVEL;
import static org.equitymark.process.CertificationProcess.REASSESSMENT;
import static org.equitymark.process.CertificationProcess.REASSESSMENT_REFERENCE;
import static org.equitymark.process.CertificationProcess.STAFF_COUNT;
import static org.equitymark.process.CertificationProcess.TARGET_LEVEL;
import static org.equitymark.process.CertificationProcess.WORKPLACE_AREA;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.equitymark.certificate.Certificate;
import org.equitymark.process.CertificationProcess;
import org.equitymark.process.Variable;
import org.springframework.stereotype.Component;

/**
 * {@code startReassessment} (asynchronous): 90 days before expiry, starts a new {@code certification}
 * case for the same organisation (or workplace area) with {@code reassessment} true and the previous
 * certificate and level linked. It pays the Stage 1 fee of its band and goes through every stage.
 * Idempotent: a case already started is not started again.
 */
@Component("startReassessment")
class StartReassessmentDelegate implements JavaDelegate {

  /** The registration data the new case starts with; each must be among {@link MonitoringProcess#INPUTS}. */
  static final List<Variable<?>> CARRIED_OVER = List.of(ORGANISATION_ID, ORGANISATION_NAME, WORKPLACE_AREA,
      ORGANISATION_TYPE, STAFF_COUNT, CONTACT_NAME, CONTACT_EMAIL, CONTACT_PHONE, TARGET_LEVEL, PREFERRED_LANGUAGE);

  private final MonitoringCalendar calendar;

  StartReassessmentDelegate(MonitoringCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (REASSESSMENT_REFERENCE.get(execution) != null) {
      return;
    }
    Certificate certificate = calendar.certificate(execution);
    Map<String, Object> variables = new HashMap<>();
    for (Variable<?> variable : CARRIED_OVER) {
      Object value = variable.get(execution);
      if (value != null) {
        variables.put(variable.name(), value);
      }
    }
    variables.put(REASSESSMENT.name(), true);
    variables.put(PREVIOUS_CERTIFICATE_NUMBER.name(), certificate.certificateNumber());
    variables.put(PREVIOUS_LEVEL.name(), certificate.level().id());
    ProcessInstance reassessment = execution.getProcessEngineServices().getRuntimeService()
        .startProcessInstanceByKey(CertificationProcess.KEY, variables);
    REASSESSMENT_REFERENCE.set(execution, (String) execution.getProcessEngineServices().getRuntimeService()
        .getVariable(reassessment.getId(), APPLICATION_REFERENCE.name()));
  }
}
