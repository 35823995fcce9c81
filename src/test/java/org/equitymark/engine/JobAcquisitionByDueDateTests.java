package org.equitymark.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.equitymark.support.ProcessTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The job executor acquires the jobs due first by their due date: every new job has one (an asynchronous
 * step: when it was created, on the engine clock), and a job an earlier version left without one gets its
 * creation time at start. With the tuning off the engine keeps its own acquisition.
 */
class JobAcquisitionByDueDateTests extends ProcessTestSupport {

  @Autowired ProcessEngineConfigurationImpl configuration;
  @Autowired JdbcTemplate jdbc;
  @Value("${equitymark.engine.tuning.enabled:true}") boolean enabled;

  @Test
  void shouldAcquireByDueDateExactlyWhenTheTuningIsOn() {
    // then
    assertThat(configuration.isJobExecutorAcquireByDueDate()).isEqualTo(enabled);
    assertThat(configuration.isEnsureJobDueDateNotNull()).isEqualTo(enabled);
  }

  @Test
  void shouldGiveAnAsynchronousStepTheEngineClocksTimeAsItsDueDateAndRunIt() {
    // given the engine clock a year ahead, as a test or a simulation moves it
    Instant clock = Instant.now().plus(365, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    ClockUtil.setCurrentTime(Date.from(clock));
    ensureSchemeStaff();

    // when a registration leaves its asynchronous steps to the job executor
    ProcessInstance instance = register(newApplicant(), registration(uniqueEmail()));
    List<Job> jobs = managementService.createJobQuery().processInstanceId(instance.getId()).messages().list();

    // then each is due at once on that clock, and runs
    assertThat(jobs).isNotEmpty();
    if (enabled) {
      assertThat(jobs).allSatisfy(job -> assertThat(job.getDuedate().toInstant()).isEqualTo(clock));
    }
    runAsyncJobs();
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).messages().count()).isZero();
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
