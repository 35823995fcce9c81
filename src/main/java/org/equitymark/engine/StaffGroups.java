package org.equitymark.engine;

import java.util.Collection;

/**
 * The groups whose members are staff (a share of every open task each), as opposed to an applicant's
 * organisation group (its own case's few). The scheme's roles are given by {@code access}; the engine
 * only asks, for its choice of plans ({@link PostgresPlanChoice}).
 */
@FunctionalInterface
public interface StaffGroups {

  Collection<String> ids();
}
