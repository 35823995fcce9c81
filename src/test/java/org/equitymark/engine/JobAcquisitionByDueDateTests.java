package org.equitymark.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AcquirableJobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.equitymark.support.ProcessTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The job executor acquires the jobs due first by their due date: every new job has one (an asynchronous
 * step: when it was created, on the engine clock), and a job an earlier version left without one gets its
 * creation time at start. With the tuning off the engine keeps its own acquisition (EngineTuningTests). The
 * order is the setting's on PostgreSQL; H2 happens to return the range in the index's order without it.
 */
class JobAcquisitionByDueDateTests extends ProcessTestSupport {

  @Autowired ProcessEngineConfigurationImpl configuration;
  @Autowired JdbcTemplate jdbc;

  @Test
  void shouldGiveAnAsynchronousStepTheEngineClocksTimeAsItsDueDateAndAcquireTheEarliestFirst() {
    // given the engine clock a year ahead, as a simulation moves it, and registrations whose asynchronous steps
    // are written to the job table in the opposite order to their due dates
    Instant latest = Instant.now().plus(365, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    ensureSchemeStaff();
    List<ProcessInstance> byDueDate = new ArrayList<>();
    for (int hoursEarlier = 0; hoursEarlier < 3; hoursEarlier++) {
      ClockUtil.setCurrentTime(Date.from(latest.minus(hoursEarlier, ChronoUnit.HOURS)));
      byDueDate.add(0, register(newApplicant(), registration(uniqueEmail())));
    }

    // when the job executor acquires at the latest time
    ClockUtil.setCurrentTime(Date.from(latest));
    List<AcquirableJobEntity> acquired = configuration.getCommandExecutorTxRequired()
        .execute(context -> context.getJobManager().findNextJobsToExecute(new Page(0, 10_000)));

    // then each step is due when it was created on that clock, and the earliest due come first
    for (int i = 0; i < byDueDate.size(); i++) {
      Instant created = latest.minus(byDueDate.size() - 1 - i, ChronoUnit.HOURS);
      assertThat(jobsOf(byDueDate.get(i))).allSatisfy(job -> assertThat(job.getDuedate().toInstant()).isEqualTo(created));
    }
    assertThat(acquired).isSortedAccordingTo(Comparator.comparing(AcquirableJobEntity::getDuedate));
    List<String> ours = byDueDate.stream().map(ProcessInstance::getId).toList();
    assertThat(acquired.stream().map(AcquirableJobEntity::getProcessInstanceId).filter(ours::contains).distinct())
        .containsExactlyElementsOf(ours);
  }

  private List<Job> jobsOf(ProcessInstance instance) {
    List<Job> jobs = managementService.createJobQuery().processInstanceId(instance.getId()).messages().list();
    assertThat(jobs).isNotEmpty();
    return jobs;
  }

  @Test
  void shouldMakeAJobLeftWithoutADueDateDueWhenItWasCreated() {
    // given a job row as an earlier version wrote it (no retries left, so no job executor takes it)
    Timestamp created = Timestamp.from(Instant.parse("2026-03-01T10:15:30Z"));
    jdbc.update("insert into ACT_RU_JOB (ID_, REV_, TYPE_, RETRIES_, SUSPENSION_STATE_, PRIORITY_, CREATE_TIME_, "
        + "HANDLER_TYPE_) values ('em-test-job-without-due-date', 1, 'message', 0, 1, 0, ?, 'none')", created);
    try {
      // when
      int updated = JobAcquisitionByDueDate.giveDueDates(jdbc, "");

      // then
      assertThat(updated).isEqualTo(1);
      assertThat(jdbc.queryForObject("select DUEDATE_ from ACT_RU_JOB where ID_ = 'em-test-job-without-due-date'",
          Timestamp.class).toInstant()).isEqualTo(created.toInstant());
      assertThat(JobAcquisitionByDueDate.giveDueDates(jdbc, "")).as("nothing left to give").isZero();
    } finally {
      jdbc.update("delete from ACT_RU_JOB where ID_ = 'em-test-job-without-due-date'");
    }
  }
}
