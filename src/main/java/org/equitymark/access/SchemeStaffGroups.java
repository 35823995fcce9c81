package org.equitymark.access;

import java.util.Collection;
import org.equitymark.engine.StaffGroups;
import org.springframework.stereotype.Component;

/** The scheme's staff roles ({@link Groups#STAFF}), for the engine's plan choice. */
@Component
class SchemeStaffGroups implements StaffGroups {

  @Override
  public Collection<String> ids() {
    return Groups.STAFF;
  }
}
