package org.equitymark.notification;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code equitymark_mail_outbox_waiting} (mails not sent yet) and
 * {@code equitymark_mail_outbox_failing} (of those, the ones that failed
 * {@code equitymark.mail.outbox.alert-after} times or more: alert on it above 0). Every node reports
 * the same database-wide numbers: take the max, not the sum, across nodes.
 */
@Component
class OutboxMetrics implements MeterBinder {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxMetrics.class);

  private final OutboxDelivery delivery;

  OutboxMetrics(OutboxDelivery delivery) {
    this.delivery = delivery;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("equitymark.mail.outbox.waiting", this, metrics -> metrics.count(false))
        .description("Mails recorded and not yet handed to the SMTP server").register(registry);
    Gauge.builder("equitymark.mail.outbox.failing", this, metrics -> metrics.count(true))
        .description("Mails not yet sent that failed equitymark.mail.outbox.alert-after times or more").register(registry);
  }

  private double count(boolean failingOnly) {
    try {
      return delivery.waiting(failingOnly);
    } catch (RuntimeException e) {
      LOG.debug("The mail outbox could not be counted: {}", e.getMessage());
      return Double.NaN;
    }
  }
}
