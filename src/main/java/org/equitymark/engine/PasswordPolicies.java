package org.equitymark.engine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;

/** Camunda's password policy for passwords people choose themselves, whether or not the engine enforces it. */
public final class PasswordPolicies {

  private PasswordPolicies() {
  }

  /** The engine's policy when it is on; Camunda's default policy otherwise. */
  public static PasswordPolicy effective(IdentityService identityService) {
    try {
      PasswordPolicy policy = identityService.getPasswordPolicy();
      return policy != null ? policy : new DefaultPasswordPolicyImpl();
    } catch (RuntimeException e) {
      return new DefaultPasswordPolicyImpl();
    }
  }
}
