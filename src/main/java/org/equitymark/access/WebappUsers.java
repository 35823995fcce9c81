package org.equitymark.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.stereotype.Component;

/**
 * Who is logged in to Camunda's webapps (Tasklist, Cockpit, Admin) in this request's HTTP session, so
 * that a page of our own can sit behind the same login. Only the user id is taken from the session;
 * the groups are read from the identity service on each request, so a user removed from a group loses
 * access at once rather than when the webapps' cache of the session's groups expires.
 */
@Component
public class WebappUsers {

  private final ProcessEngine processEngine;
  private final IdentityService identityService;

  WebappUsers(ProcessEngine processEngine, IdentityService identityService) {
    this.processEngine = processEngine;
    this.identityService = identityService;
  }

  /** The webapp user of the request with its current groups; empty when no one is logged in. */
  public Optional<WebappUser> current(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentication authentication = AuthenticationUtil.getAuthsFromSession(session)
        .getAuthenticationForProcessEngine(processEngine.getName());
    if (authentication == null || authentication.getIdentityId() == null
        || identityService.createUserQuery().userId(authentication.getIdentityId()).count() == 0) {
      return Optional.empty();
    }
    String userId = authentication.getIdentityId();
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    return Optional.of(new WebappUser(userId, groups));
  }

  /** A user logged in to the webapps, with its groups. */
  public record WebappUser(String userId, List<String> groups) {

    public boolean isSchemeManager() {
      return groups.contains(Groups.SCHEME_MANAGERS);
    }
  }
}
