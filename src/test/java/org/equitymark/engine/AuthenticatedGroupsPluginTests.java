package org.equitymark.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equitymark.process.CertificationProcess.Elements.CONFIRM_PAYMENT;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.equitymark.support.ProcessTestSupport;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Authorization checks use the user's groups as they are (a few groups), instead of first reading every
 * group that holds a grant: same answers, without a read of the whole authorization table per request.
 */
class AuthenticatedGroupsPluginTests extends ProcessTestSupport {

  /** MyBatis logs each statement under its id; this one reads every group that holds any grant. */
  private static final String ALL_AUTHORIZED_GROUPS =
      "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.selectAuthorizedGroupIds";

  @Autowired FilterService filterService;

  @Test
  void shouldCheckAFewGroupsWithoutReadingEveryAuthorizedGroup() {
    // given
    String applicant = newApplicant();
    register(applicant, registration(uniqueEmail()));
    List<String> groups = groupsOf(applicant);

    // when
    List<String> statements = statementsLogged(() -> {
      identityService.setAuthentication(applicant, groups);
      try {
        return taskService.createTaskQuery().count();
      } finally {
        identityService.clearAuthentication();
      }
    });

    // then
    assertThat(statements).isEmpty();
  }

  @Test
  void shouldStillFilterTheGroupsOfAUserInVeryManyGroups() {
    // given: more groups than go into a statement as they are
    List<String> groups = new ArrayList<>(List.of("applicants"));
    IntStream.range(0, AuthenticatedGroupsPlugin.MAX_GROUPS_AS_AUTHENTICATED).forEach(i -> groups.add("club-" + i));

    // when
    List<String> statements = statementsLogged(() -> {
      identityService.setAuthentication("someone", groups);
      try {
        return taskService.createTaskQuery().count();
      } finally {
        identityService.clearAuthentication();
      }
    });

    // then
    assertThat(statements).isNotEmpty();
  }

  @Test
  void shouldShowTheSameTasksWhateverGroupsWithoutGrantsTheUserIsIn() {
    // given: an applicant's case waiting for its self-assessment, its organisation's task
    String applicant = newApplicant();
    ProcessInstance instance = caseWaitingForSelfAssessment(applicant);
    List<String> groups = groupsOf(applicant);
    List<String> withGroupsWithoutGrants = new ArrayList<>(groups);
    withGroupsWithoutGrants.addAll(List.of("book-club", "choir"));
    String filterId = filterService.createFilterQuery().filterName("My organisation's tasks").singleResult().getId();

    // when
    long seen = countAs(applicant, groups, filterId);
    long seenWithMoreGroups = countAs(applicant, withGroupsWithoutGrants, filterId);
    long seenByAnother = countAs("stranger", List.of("applicants", "book-club"), filterId);

    // then
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
    assertThat(seen).isEqualTo(1);
    assertThat(seenWithMoreGroups).isEqualTo(seen);
    assertThat(seenByAnother).isZero();
  }

  private ProcessInstance caseWaitingForSelfAssessment(String applicant) {
    ProcessInstance instance = register(applicant, registration(uniqueEmail()));
    runAsyncJobs();
    complete("finance1", instance, CONFIRM_PAYMENT, Map.of("paymentReceived", true, "paymentReference", "BACS 9"));
    runAsyncJobs();
    return instance;
  }

  private long countAs(String user, List<String> groups, String filterId) {
    identityService.setAuthentication(user, groups);
    try {
      return filterService.count(filterId);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private List<String> groupsOf(String user) {
    return identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }

  private static List<String> statementsLogged(Supplier<?> work) {
    Logger logger = (Logger) LoggerFactory.getLogger(ALL_AUTHORIZED_GROUPS);
    Level level = logger.getLevel();
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    logger.setLevel(Level.DEBUG);
    try {
      work.get();
    } finally {
      logger.setLevel(level);
      logger.detachAppender(appender);
    }
    return appender.list.stream().map(ILoggingEvent::getFormattedMessage)
        .filter(message -> message.contains("Preparing")).toList();
  }
}
