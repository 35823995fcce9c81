package org.equitymark.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/** A failed login goes back to the login page with a message, in the language it was made in. */
final class LoginFailure implements AuthenticationFailureHandler {

  @Override
  public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException exception) throws IOException {
    String lang = "cy".equals(request.getParameter("lang")) ? "&lang=cy" : "";
    response.sendRedirect(request.getContextPath() + PortalSecurityConfiguration.LOGIN + "?error" + lang);
  }
}
