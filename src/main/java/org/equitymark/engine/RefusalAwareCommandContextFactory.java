package org.equitymark.engine;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;

/**
 * The engine logs every exception that ends a command at ERROR with its stack trace (ENGINE-16004,
 * logger {@code org.camunda.bpm.engine.context}), except the ones it knows to be the caller's
 * mistake (a bad request, an optimistic lock, a missing authorization), which it logs at DEBUG.
 * A refused submission is the caller's mistake too: its command context logs it at DEBUG like
 * those, and the refusal itself ({@link RejectedInputException#logRejection}) writes the one line an
 * operator needs. Real failures of a command keep their ERROR and stack trace.
 */
class RefusalAwareCommandContextFactory extends CommandContextFactory {

  @Override
  public CommandContext createCommandContext() {
    return new RefusalAwareCommandContext(processEngineConfiguration);
  }

  static final class RefusalAwareCommandContext extends CommandContext {

    RefusalAwareCommandContext(ProcessEngineConfigurationImpl configuration) {
      super(configuration);
    }

    /** Asked once for a failed command that is not logged at INFO, to choose DEBUG over ERROR. */
    @Override
    protected boolean shouldLogFine(Throwable exception) {
      var refusal = RejectedInputException.in(exception);
      refusal.ifPresent(RejectedInputException::logRejection);
      return refusal.isPresent() || super.shouldLogFine(exception);
    }
  }
}
