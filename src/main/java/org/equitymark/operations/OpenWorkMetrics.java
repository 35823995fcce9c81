package org.equitymark.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.equitymark.engine.EngineQueries;
import org.equitymark.engine.EngineTables;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gauges for scheme managers' dashboards: {@code equitymark_tasks_open{taskDefinitionKey=…}} per user
 * task of the deployed models and {@code equitymark_incidents_open}. Both come from one cheap count
 * query each (a group-by over the runtime task table, a count of incidents), taken at most every few
 * seconds however often Prometheus scrapes. Every node of a cluster reports the same database-wide
 * numbers: take the max, not the sum, across nodes.
 */
@Component
class OpenWorkMetrics implements MeterBinder {

  static final String OPEN_TASKS = "equitymark.tasks.open";
  static final String OPEN_INCIDENTS = "equitymark.incidents.open";
  static final String TASK_KEY_TAG = "taskDefinitionKey";
  static final Duration MAX_AGE = Duration.ofSeconds(5);

  private final JdbcTemplate jdbc;
  private final RepositoryService repositoryService;
  private final EngineTables tables;
  private final Clock clock;

  private volatile Snapshot snapshot;

  @Autowired
  OpenWorkMetrics(JdbcTemplate jdbc, RepositoryService repositoryService, EngineTables tables) {
    this(jdbc, repositoryService, tables, Clock.systemUTC());
  }

  OpenWorkMetrics(JdbcTemplate jdbc, RepositoryService repositoryService, EngineTables tables, Clock clock) {
    this.jdbc = jdbc;
    this.repositoryService = repositoryService;
    this.tables = tables;
    this.clock = clock;
  }

  /** What was counted, and when. */
  record Snapshot(Instant takenAt, Map<String, Long> openTasks, long openIncidents) {
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (String taskKey : userTaskKeys()) {
      Gauge.builder(OPEN_TASKS, this, metrics -> metrics.current().openTasks().getOrDefault(taskKey, 0L))
          .description("Open user tasks of this task definition key")
          .tag(TASK_KEY_TAG, taskKey)
          .register(registry);
    }
    Gauge.builder(OPEN_INCIDENTS, this, metrics -> metrics.current().openIncidents())
        .description("Open incidents (failed jobs out of retries and the like), to be resolved in Cockpit")
        .register(registry);
  }

  /** The ids of the user tasks in the latest version of every deployed process. */
  Set<String> userTaskKeys() {
    Set<String> keys = new TreeSet<>();
    for (ProcessDefinition definition : EngineQueries.all(repositoryService.createProcessDefinitionQuery().latestVersion())) {
      repositoryService.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class)
          .forEach(task -> keys.add(task.getId()));
    }
    return keys;
  }

  Snapshot current() {
    Snapshot last = snapshot;
    Instant now = clock.instant();
    if (last == null || last.takenAt().plus(MAX_AGE).isBefore(now)) {
      last = count(now);
      snapshot = last;
    }
    return last;
  }

  private Snapshot count(Instant now) {
    Map<String, Long> tasks = jdbc.query(
        "select TASK_DEF_KEY_, count(*) from " + tables.of("ACT_RU_TASK") + " group by TASK_DEF_KEY_",
        (rs, row) -> Map.entry(String.valueOf(rs.getString(1)), rs.getLong(2))).stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum));
    Long incidents = jdbc.queryForObject("select count(*) from " + tables.of("ACT_RU_INCIDENT"), Long.class);
    return new Snapshot(now, Map.copyOf(tasks), incidents == null ? 0 : incidents);
  }
}
