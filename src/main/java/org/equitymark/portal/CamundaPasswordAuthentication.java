package org.equitymark.portal;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.equitymark.access.Groups;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks a portal login with Camunda's identity service ({@code checkPassword}, which applies the
 * engine's login throttling), and lets in members of {@code applicants} only: staff work in Tasklist.
 * The session keeps the user id and one authority, never the password or the groups: the groups are
 * read again for each request ({@link PortalUserInterceptor}).
 */
@Component
class CamundaPasswordAuthentication implements AuthenticationProvider {

  static final String APPLICANT = "ROLE_APPLICANT";

  private final IdentityService identityService;

  CamundaPasswordAuthentication(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (userId == null || userId.isBlank() || userId.length() > 64 || !(credentials instanceof String password)
        || password.isEmpty() || password.length() > 256) {
      throw new BadCredentialsException("Bad credentials");
    }
    if (!identityService.checkPassword(userId, password)) {
      throw new BadCredentialsException("Bad credentials");
    }
    if (identityService.createUserQuery().userId(userId).memberOfGroup(Groups.APPLICANTS).count() == 0) {
      throw new BadCredentialsException("Not an applicant");
    }
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, List.of(new SimpleGrantedAuthority(APPLICANT)));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
