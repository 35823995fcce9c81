package org.equitymark.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.equitymark.framework.EvidenceFramework;
import org.equitymark.framework.EvidenceFramework.Area;
import org.equitymark.framework.EvidenceFramework.Indicator;
import org.equitymark.framework.Level;

/**
 * The scoring rule of the framework, knowing nothing of Camunda: an area's level is the highest
 * level whose indicators, and all lower levels' indicators, are all met. One scorer per framework
 * version: a case is scored against the version it recorded at its start.
 */
public class Scorer {

  private final EvidenceFramework framework;

  public Scorer(EvidenceFramework framework) {
    this.framework = framework;
  }

  /** The level of each area, in framework order, from the indicators met in it. */
  public Map<String, Level> areaLevels(Map<String, List<String>> metByArea) {
    Map<String, Level> levels = new LinkedHashMap<>();
    for (Area area : framework.areas()) {
      levels.put(area.id(), areaLevel(area, Set.copyOf(metByArea.getOrDefault(area.id(), List.of()))));
    }
    return levels;
  }

  Level areaLevel(Area area, Set<String> met) {
    for (String id : met) {
      if (!framework.isIndicatorOf(area.id(), id)) {
        throw new IllegalArgumentException("Unknown indicator " + id + " for area " + area.id());
      }
    }
    Level reached = Level.NONE;
    for (Level level : Level.certifiable()) {
      boolean allMet = area.indicatorsAt(level).stream().allMatch(i -> met.contains(i.id()));
      if (!allMet) {
        break;
      }
      reached = level;
    }
    return reached;
  }

  /** Per area, the indicators not yet met that the target level needs (its own and all lower levels'). */
  public GapAnalysis gapAnalysis(Level target, Map<String, List<String>> metByArea) {
    List<GapAnalysis.AreaGap> gaps = new ArrayList<>();
    for (Area area : framework.areas()) {
      Set<String> met = Set.copyOf(metByArea.getOrDefault(area.id(), List.of()));
      List<Indicator> missing = area.indicators().stream()
          .filter(i -> target.atLeast(i.levelValue()))
          .filter(i -> !met.contains(i.id()))
          .toList();
      gaps.add(new GapAnalysis.AreaGap(area.id(), area.name(), missing));
    }
    return new GapAnalysis(target, gaps);
  }
}
