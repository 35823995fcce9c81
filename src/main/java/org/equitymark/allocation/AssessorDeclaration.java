package org.equitymark.allocation;

import java.util.List;

/**
 * What a scheme manager records for an assessor: voluntary self-declarations and declared ties
 * (employment, trusteeship, consultancy, community or voluntary-sector) with organisations.
 */
public record AssessorDeclaration(String userId, String displayName, Assessor.Gender gender,
    Assessor.Minoritised minoritised, boolean active, List<Tie> ties) {

  public static final List<String> TIES = List.of("employment", "trusteeship", "consultancy", "community", "voluntary-sector");

  public record Tie(String organisationId, String tie) {
  }
}
