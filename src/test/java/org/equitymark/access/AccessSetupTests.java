package org.equitymark.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.equitymark.support.ProcessTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What every start creates, whatever the profile: role groups, their grants, Tasklist filters; never demo users. */
class AccessSetupTests extends ProcessTestSupport {

  @Autowired AuthorizationService authorizationService;
  @Autowired FilterService filterService;

  @Test
  void shouldCreateEveryRoleGroup() {
    for (List<String> group : Groups.all()) {
      assertThat(identityService.createGroupQuery().groupId(group.get(0)).count()).as(group.get(0)).isEqualTo(1);
    }
  }

  @Test
  void shouldCreateNoDemoUserOutsideTheDemoProfile() {
    for (String demoUser : List.of("demo", "manager", "riverside", "northgate", "amina")) {
      assertThat(identityService.createUserQuery().userId(demoUser).count()).as(demoUser).isZero();
    }
  }

  @Test
  void shouldGiveEachRoleItsTasklistFilters() {
    assertThat(visibleFilters("applicants")).contains("My organisation's tasks").doesNotContain("All open tasks");
    assertThat(visibleFilters("finance")).contains("Payments to confirm", "My tasks");
    assertThat(visibleFilters("support-officers")).contains("Self-assessments to review");
    assertThat(visibleFilters("assessors")).contains("Assessments assigned to me");
    assertThat(visibleFilters("scheme-managers")).contains("All open tasks");
  }

  @Test
  void shouldLetApplicantsStartCasesButNotReadOthersInstances() {
    assertThat(authorizationService.isUserAuthorized(null, List.of("applicants"), Permissions.CREATE_INSTANCE,
        Resources.PROCESS_DEFINITION, "certification")).isTrue();
    assertThat(authorizationService.isUserAuthorized(null, List.of("applicants"), Permissions.READ,
        Resources.PROCESS_INSTANCE, "*")).isFalse();
    assertThat(authorizationService.isUserAuthorized(null, List.of("applicants"), Permissions.ACCESS,
        Resources.APPLICATION, "cockpit")).isFalse();
  }

  private List<String> visibleFilters(String group) {
    return filterService.createFilterQuery().list().stream()
        .filter(f -> authorizationService.isUserAuthorized(null, List.of(group), Permissions.READ,
            Resources.FILTER, f.getId()))
        .map(Filter::getName)
        .toList();
  }
}
