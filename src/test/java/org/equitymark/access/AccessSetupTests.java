package org.equitymark.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
  void shouldOpenEachStaffRoleOnItsOwnQueueWithMyTasksAfterIt() {
    Map<String, String> queues = Map.of(Groups.FINANCE, "Payments to confirm",
        Groups.SUPPORT_OFFICERS, "Self-assessments to review", Groups.ASSESSORS, "Assessments assigned to me",
        Groups.MODERATORS, "Assessments to moderate", Groups.CERTIFICATION_PANEL, "Certifications to approve",
        Groups.APPEALS_PANEL, "Appeals to decide");
    queues.forEach((group, queue) -> assertThat(inTasklistOrder(group)).as(group).startsWith(queue, "My tasks"));
    assertThat(inTasklistOrder(Groups.SCHEME_MANAGERS)).as("scheme managers").first().isEqualTo("Scheme management tasks");
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

  /** The group's filters as Tasklist lists them: by priority, then name. */
  private List<String> inTasklistOrder(String group) {
    return filterService.createFilterQuery().list().stream()
        .filter(f -> authorizationService.isUserAuthorized(null, List.of(group), Permissions.READ,
            Resources.FILTER, f.getId()))
        .sorted(Comparator.<Filter>comparingInt(f -> ((Number) f.getProperties().get("priority")).intValue())
            .thenComparing(Filter::getName))
        .map(Filter::getName)
        .toList();
  }

  private List<String> visibleFilters(String group) {
    return filterService.createFilterQuery().list().stream()
        .filter(f -> authorizationService.isUserAuthorized(null, List.of(group), Permissions.READ,
            Resources.FILTER, f.getId()))
        .map(Filter::getName)
        .toList();
  }
}
