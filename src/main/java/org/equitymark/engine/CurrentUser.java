package org.equitymark.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who acts in the running command: the authenticated user, or {@link #SYSTEM} when the engine acts on its own. */
public final class CurrentUser {

  /** The actor when no user is authenticated: the engine itself (timers, jobs, internal calls). */
  public static final String SYSTEM = "system";

  private CurrentUser() {
  }

  /** The user acting in this request, or {@value #SYSTEM} when the engine acts on its own. */
  public static String of(DelegateExecution execution) {
    Authentication authentication =
        execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null || authentication.getUserId() == null ? SYSTEM : authentication.getUserId();
  }
}
