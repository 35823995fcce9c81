package org.equitymark.notification;

import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * A value the app derives in English (a suspension's reason, the overdue action-plan items) written afresh in a
 * mail's language. A feature that derives such a value implements this as a bean; {@link SendNotificationDelegate}
 * asks every one for each placeholder of a mail that is not in English, and uses the case's variable otherwise.
 */
public interface WrittenValues {

  /** The value of {@code name} in {@code locale}, or empty when this bean does not write it. */
  Optional<String> value(String name, DelegateExecution execution, Locale locale);
}
