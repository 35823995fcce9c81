package org.equitymark.portal;

import java.security.Principal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every portal page shows: who is logged in (for the header's "log out"). */
@ControllerAdvice(basePackageClasses = PortalModel.class)
class PortalModel {

  @ModelAttribute("portalUser")
  String portalUser(Principal user) {
    return user == null ? null : user.getName();
  }
}
