package org.equitymark.scoring;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.equitymark.framework.Level;
import org.springframework.stereotype.Component;

/**
 * The overall level from the area levels, by DMN {@code certification-level}, so that a process
 * designer can change the rule in Camunda Modeler (by default: the lowest area level).
 */
@Component
public class OverallLevel {

  public static final String DECISION_KEY = "certification-level";

  private final DecisionService decisionService;

  public OverallLevel(DecisionService decisionService) {
    this.decisionService = decisionService;
  }

  public Level of(Map<String, Level> areaLevels) {
    Map<String, Object> inputs = new HashMap<>();
    areaLevels.forEach((area, level) -> inputs.put(area + "Level", level.id()));
    String level = decisionService.evaluateDecisionTableByKey(DECISION_KEY, Variables.fromMap(inputs))
        .getSingleEntry();
    return Level.fromId(level).orElseThrow(() ->
        new IllegalStateException("DMN " + DECISION_KEY + " answered an unknown level: " + level));
  }
}
