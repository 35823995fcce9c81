package org.equitymark.access;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

/** Runs engine calls as a user with its groups, as the webapps and REST do for a request. */
public final class ActingUser {

  private static final int MAX_GROUPS = 200;

  private ActingUser() {
  }

  public static <T> T as(IdentityService identityService, String userId, Supplier<T> work) {
    List<String> groups = identityService.createGroupQuery().groupMember(userId).listPage(0, MAX_GROUPS).stream()
        .map(Group::getId).toList();
    identityService.setAuthentication(userId, groups);
    try {
      return work.get();
    } finally {
      identityService.clearAuthentication();
    }
  }
}
