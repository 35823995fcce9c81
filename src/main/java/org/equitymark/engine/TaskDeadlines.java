package org.equitymark.engine;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * How long staff have for each task the scheme sets a deadline on, read from
 * {@code equitymark.task-deadlines.{taskId}} (ISO-8601 durations, checked at start-up). A user task
 * says {@code camunda:dueDate="${taskDeadlines.of('assessEvidence')}"}: the engine's due-date
 * calendar counts a duration from the task's creation. Deadlines the scheme already has as timers
 * (a payment lapses after 60 days) are read from {@link Timers} instead.
 */
@Component("taskDeadlines")
public class TaskDeadlines {

  static final String PREFIX = "equitymark.task-deadlines";

  private final Map<String, String> deadlines = new TreeMap<>();

  @Autowired
  public TaskDeadlines(Environment environment) {
    this(Binder.get(environment).bind(PREFIX, Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
  }

  TaskDeadlines(Map<String, String> configured) {
    configured.forEach((task, duration) -> deadlines.put(task, Timers.duration("task-deadlines." + task, duration)));
  }

  /** The time allowed for the task, as a duration from its creation; fails naming the property when it is missing. */
  public String of(String taskId) {
    String duration = deadlines.get(taskId);
    if (duration == null) {
      throw new IllegalArgumentException("No deadline for task " + taskId + ": set " + PREFIX + "." + taskId);
    }
    return duration;
  }

  /** Every configured deadline, by task id. */
  public Map<String, String> all() {
    return Map.copyOf(deadlines);
  }
}
