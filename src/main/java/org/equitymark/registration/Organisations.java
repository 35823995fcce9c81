package org.equitymark.registration;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.equitymark.numbering.SequenceNumbers;
import org.equitymark.process.CertificationProcess;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The organisations of the scheme and their Camunda groups ({@code org-{organisationId}}): the
 * group's members act for the organisation and see only its cases.
 */
@Component
public class Organisations {

  static final String GROUP_TYPE = "organisation";
  private static final int FIRST_ID = 1000;
  private static final int MAX_ORGANISATIONS_PER_USER = 100;

  private final JdbcTemplate jdbc;
  private final SequenceNumbers numbers;
  private final IdentityService identityService;
  private final AuthorizationService authorizationService;

  public Organisations(JdbcTemplate jdbc, SequenceNumbers numbers, IdentityService identityService,
      AuthorizationService authorizationService) {
    this.jdbc = jdbc;
    this.numbers = numbers;
    this.identityService = identityService;
    this.authorizationService = authorizationService;
  }

  /** Registers a new organisation and creates its group. Runs in the caller's transaction. */
  public Organisation register(String name, String organisationType) {
    String id = String.valueOf(FIRST_ID + numbers.next("organisation", 0));
    Instant now = Instant.now();
    jdbc.update("insert into em_organisation (organisation_id, name, organisation_type, created_at) values (?, ?, ?, ?)",
        id, name, organisationType, Timestamp.from(now));
    Group group = identityService.newGroup(CertificationProcess.organisationGroup(id));
    group.setName(name.length() > 255 ? name.substring(0, 255) : name);
    group.setType(GROUP_TYPE);
    identityService.saveGroup(group);
    return new Organisation(id, name, organisationType, now);
  }

  public Optional<Organisation> find(String organisationId) {
    List<Organisation> found = jdbc.query(
        "select organisation_id, name, organisation_type, created_at from em_organisation where organisation_id = ?",
        (rs, row) -> new Organisation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()),
        organisationId);
    return found.stream().findFirst();
  }

  /** Every organisation of the scheme, by name, up to {@code limit}: what staff choose from (never a typed id). */
  public List<Organisation> all(int limit) {
    return jdbc.query("select organisation_id, name, organisation_type, created_at from em_organisation order by name, organisation_id",
        rs -> {
          List<Organisation> found = new java.util.ArrayList<>();
          while (rs.next() && found.size() < limit) {
            found.add(new Organisation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()));
          }
          return found;
        });
  }

  /** The organisations a user acts for, from its {@code org-*} group memberships. */
  public List<String> organisationIdsOf(String userId) {
    return identityService.createGroupQuery().groupMember(userId).groupType(GROUP_TYPE).listPage(0, MAX_ORGANISATIONS_PER_USER).stream()
        .map(Group::getId)
        .filter(id -> id.startsWith("org-"))
        .map(id -> id.substring("org-".length()))
        .toList();
  }

  public void addMember(String userId, String organisationId) {
    String groupId = CertificationProcess.organisationGroup(organisationId);
    if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identityService.createMembership(userId, groupId);
    }
  }

  /** Lets the organisation's group read one of its process instances (and nothing of anyone else's). */
  public void grantCaseAccess(String organisationId, String processInstanceId) {
    Authorization read = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    read.setGroupId(CertificationProcess.organisationGroup(organisationId));
    read.setResource(Resources.PROCESS_INSTANCE);
    read.setResourceId(processInstanceId);
    read.addPermission(Permissions.READ);
    authorizationService.saveAuthorization(read);
  }

  public void recordApplication(String reference, String organisationId, String workplaceArea,
      String processInstanceId, String registeredBy) {
    jdbc.update("insert into em_application (reference, organisation_id, workplace_area, process_instance_id, "
            + "registered_by, registered_at) values (?, ?, ?, ?, ?, ?)",
        reference, organisationId, workplaceArea, processInstanceId, registeredBy, Timestamp.from(Instant.now()));
  }
}
