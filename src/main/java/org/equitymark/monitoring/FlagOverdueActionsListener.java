package org.equitymark.monitoring;

import static org.equitymark.process.CertificationProcess.ACTION_PLAN;
import static org.equitymark.process.CertificationProcess.OVERDUE_ACTION_PLAN_ITEMS;

import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.equitymark.process.Variable;
import org.springframework.stereotype.Component;

/**
 * {@code flagOverdueActions}, when an annual return is asked for: the agreed action-plan items past
 * their target date, as text ({@code overdueActionPlanItems}, empty when none) for the invitation
 * mail, the annual-return form and the reviewing assessor.
 */
@Component("flagOverdueActions")
class FlagOverdueActionsListener implements ExecutionListener {

  private final MonitoringTexts texts;

  FlagOverdueActionsListener(MonitoringTexts texts) {
    this.texts = texts;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Variable.JsonText plan = ACTION_PLAN.get(execution);
    OVERDUE_ACTION_PLAN_ITEMS.set(execution, plan == null ? ""
        : texts.overdueItems(plan.json(), MonitoringTexts.today(), Locale.ENGLISH));
  }
}
