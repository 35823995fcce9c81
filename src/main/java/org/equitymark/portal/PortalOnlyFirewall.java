package org.equitymark.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.stereotype.Component;

/**
 * Spring Security's strict request firewall for the portal's paths only. Spring Security's filter
 * sees every request of the app; without this, its firewall would refuse requests to Camunda's
 * webapps, the engine REST API and the public pages that they have always accepted (encoded
 * characters in a REST path, for one), which is not the portal's business.
 */
@Component
class PortalOnlyFirewall implements HttpFirewall {

  private final StrictHttpFirewall strict = new StrictHttpFirewall();

  @Override
  public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/portal")) {
      return strict.getFirewalledRequest(request);
    }
    return new FirewalledRequest(request) {
      @Override
      public void reset() {
      }
    };
  }

  @Override
  public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
    return strict.getFirewalledResponse(response);
  }
}
