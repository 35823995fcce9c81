package org.equitymark.framework;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The standardised evidence template: five assessment areas, each with indicators for every
 * level. Versioned data (see {@code framework/evidence-framework.json}), never code.
 */
public record EvidenceFramework(String version, String title, String published,
    List<LevelDescription> levels, List<Area> areas) {

  public record LevelDescription(String id, String name, String actionPlanLevel) {
  }

  public record Area(String id, String name, List<Indicator> indicators) {

    public List<Indicator> indicatorsAt(Level level) {
      return indicators.stream().filter(i -> i.level().equals(level.id())).toList();
    }
  }

  public record Indicator(String id, String level, String text) {

    public Level levelValue() {
      return Level.fromId(level).orElseThrow();
    }
  }

  public static final List<String> AREA_IDS = List.of("leadership", "workforce", "engagement", "access", "outcomes");

  public Area area(String areaId) {
    return areas.stream().filter(a -> a.id().equals(areaId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown assessment area: " + areaId));
  }

  public Optional<Indicator> indicator(String indicatorId) {
    return Optional.ofNullable(indicatorsById().get(indicatorId));
  }

  public Map<String, Indicator> indicatorsById() {
    return areas.stream().flatMap(a -> a.indicators().stream())
        .collect(Collectors.toMap(Indicator::id, Function.identity()));
  }

  /** Whether the id is an indicator of the given area. */
  public boolean isIndicatorOf(String areaId, String indicatorId) {
    return area(areaId).indicators().stream().anyMatch(i -> i.id().equals(indicatorId));
  }

  /**
   * Checks the framework is complete and consistent: a version and a title, the four levels and the
   * five areas in order, every level of every area with at least one indicator, ids of the form
   * {@code area.level.n}, all unique, every indicator with a text.
   *
   * @return every problem found, each naming its field ({@code areas[4].indicators[2].text: missing}),
   *     empty when the framework is valid
   */
  public List<String> problems() {
    return FrameworkProblems.of(this);
  }
}
