package org.equitymark.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Runs every portal request's engine calls as the logged-in applicant with its groups as they are
 * now, so that the engine's authorization applies: an applicant sees only its own organisation's
 * cases, tasks and documents. Cleared when the request ends, whatever happened.
 */
@Component
class PortalUserInterceptor implements HandlerInterceptor {

  private static final int MAX_GROUPS = 200;

  private final IdentityService identityService;

  PortalUserInterceptor(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    Authentication login = SecurityContextHolder.getContext().getAuthentication();
    if (login != null && login.isAuthenticated() && login.getAuthorities().stream()
        .anyMatch(a -> CamundaPasswordAuthentication.APPLICANT.equals(a.getAuthority()))) {
      String userId = login.getName();
      List<String> groups = identityService.createGroupQuery().groupMember(userId).listPage(0, MAX_GROUPS).stream()
          .map(Group::getId).toList();
      identityService.setAuthentication(userId, groups);
    }
    return true;
  }

  @Override
  public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    identityService.clearAuthentication();
  }
}
