package org.equitymark.payment;

import static org.equitymark.process.CertificationProcess.FEE;
import static org.equitymark.process.CertificationProcess.FEE_BAND;
import static org.equitymark.process.CertificationProcess.INVOICE_NUMBER;
import static org.equitymark.process.CertificationProcess.ORGANISATION_TYPE;
import static org.equitymark.process.CertificationProcess.REASSESSMENT;
import static org.equitymark.process.CertificationProcess.STAFF_COUNT;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.equitymark.engine.EngineClock;
import org.equitymark.numbering.SequenceNumbers;
import org.springframework.stereotype.Component;

/**
 * {@code calculateFee}: the fee and band from DMN {@code fee-band} (by organisation type and staff
 * count), and the invoice number {@code INV-{year}-{nnnnn}}.
 */
@Component("calculateFee")
public class CalculateFeeDelegate implements JavaDelegate {

  static final String DECISION_KEY = "fee-band";

  private final DecisionService decisionService;
  private final SequenceNumbers numbers;

  public CalculateFeeDelegate(DecisionService decisionService, SequenceNumbers numbers) {
    this.decisionService = decisionService;
    this.numbers = numbers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> inputs = Map.of(
        ORGANISATION_TYPE.name(), ORGANISATION_TYPE.get(execution),
        STAFF_COUNT.name(), STAFF_COUNT.get(execution),
        REASSESSMENT.name(), REASSESSMENT.get(execution, false));
    DmnDecisionRuleResult result = decisionService
        .evaluateDecisionTableByKey(DECISION_KEY, Variables.fromMap(inputs))
        .getSingleResult();
    if (result == null) {
      throw new IllegalStateException("DMN " + DECISION_KEY + " has no fee for " + inputs);
    }
    FEE.set(execution, ((Number) result.getEntry("fee")).longValue());
    FEE_BAND.set(execution, result.getEntry("feeBand"));
    INVOICE_NUMBER.set(execution, numbers.nextReference("INV", EngineClock.currentYear()));
  }
}
