package org.equitymark.access;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Whether the user of the current request (HTTP Basic) is a scheme manager. */
public final class SchemeManagers {

  private SchemeManagers() {
  }

  public static boolean isCurrentUser(IdentityService identityService) {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return false;
    }
    List<String> groups = authentication.getGroupIds();
    return groups != null && groups.contains(Groups.SCHEME_MANAGERS);
  }
}
