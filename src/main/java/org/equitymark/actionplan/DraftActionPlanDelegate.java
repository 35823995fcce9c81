package org.equitymark.actionplan;

import static org.equitymark.process.CertificationProcess.ACHIEVED_LEVEL;
import static org.equitymark.process.CertificationProcess.ACTION_PLAN;
import static org.equitymark.process.CertificationProcess.FRAMEWORK_VERSION;
import static org.equitymark.process.CertificationProcess.TARGET_LEVEL;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.equitymark.framework.Frameworks;
import org.equitymark.framework.Level;
import org.equitymark.process.CertificationProcess;
import org.equitymark.process.Variable;
import org.springframework.stereotype.Component;

/**
 * {@code draftActionPlan}: the draft plan, from the case's framework version, that the applicant then
 * agrees in {@code agreeActionPlan}.
 */
@Component("draftActionPlan")
public class DraftActionPlanDelegate implements JavaDelegate {

  private final Frameworks frameworks;
  private final ObjectMapper objectMapper;

  public DraftActionPlanDelegate(Frameworks frameworks, ObjectMapper objectMapper) {
    this.frameworks = frameworks;
    this.objectMapper = objectMapper;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    List<ActionPlanItem> plan = ActionPlanDraft.draft(frameworks.ofCase(FRAMEWORK_VERSION.get(execution)), CertificationProcess.confirmedByArea(execution),
        Level.fromId(ACHIEVED_LEVEL.get(execution)).orElseThrow(),
        Level.fromId(TARGET_LEVEL.get(execution)).orElseThrow());
    ACTION_PLAN.set(execution, new Variable.JsonText(objectMapper.writeValueAsString(plan)));
  }
}
