package org.equitymark.payment;

import static org.equitymark.process.CertificationProcess.FEE_WAIVED;
import static org.equitymark.process.CertificationProcess.PAYMENT_CONFIRMED_BY;
import static org.equitymark.process.CertificationProcess.PAYMENT_RECEIVED;
import static org.equitymark.process.CertificationProcess.PAYMENT_REFERENCE;
import static org.equitymark.submission.Field.optional;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.equitymark.process.CertificationProcess;
import org.equitymark.submission.Checks;
import org.equitymark.submission.Field;
import org.equitymark.submission.Problems;
import org.equitymark.submission.SubmissionForm;
import org.equitymark.submission.SubmissionValidator.Submission;
import org.springframework.stereotype.Component;

/**
 * {@code confirmPayment}: finance confirms the payment or waives the fee, with the payment
 * reference or the reason for the waiver. A task that is neither stays open.
 */
@Component
class ConfirmPaymentForm implements SubmissionForm {

  @Override
  public String activityId() {
    return CertificationProcess.Elements.CONFIRM_PAYMENT;
  }

  @Override
  public List<Field> fields() {
    return List.of(
        optional(PAYMENT_RECEIVED.name(), Checks.yesNo()),
        optional(FEE_WAIVED.name(), Checks.yesNo()),
        optional(PAYMENT_REFERENCE.name(), Checks.text(0, 100)));
  }

  @Override
  public void crossCheck(Submission submission, Problems problems) {
    boolean received = submission.isTrue(PAYMENT_RECEIVED.name());
    boolean waived = submission.isTrue(FEE_WAIVED.name());
    if (!received && !waived) {
      problems.add(PAYMENT_RECEIVED.name(), "or feeWaived must be true: complete this task once the fee is paid or waived");
    } else if (received && waived) {
      problems.add(FEE_WAIVED.name(), "cannot be true when the payment was received");
    } else if (!submission.hasText(PAYMENT_REFERENCE.name())) {
      problems.add(PAYMENT_REFERENCE.name(), received
          ? "is required: the reference of the payment received"
          : "is required: the reason the fee is waived");
    }
  }

  @Override
  public void accepted(DelegateExecution execution, String userId) {
    PAYMENT_CONFIRMED_BY.set(execution, userId);
  }
}
