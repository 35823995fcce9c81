package org.equitymark.framework;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The standardised evidence template: five assessment areas, each with indicators for every
 * level. Versioned data (one file per version under {@code framework/}, or a version the yearly
 * review published), never code. Welsh texts, guidance and examples of evidence exist from version
 * 2026.2 on; in older versions they are absent and the English text stands in.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvidenceFramework(String version, String title, String titleCy, String published,
    List<LevelDescription> levels, List<Area> areas) {

  public EvidenceFramework(String version, String title, String published, List<LevelDescription> levels,
      List<Area> areas) {
    this(version, title, null, published, levels, areas);
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record LevelDescription(String id, String name, String nameCy, String actionPlanLevel,
      String actionPlanLevelCy) {

    public LevelDescription(String id, String name, String actionPlanLevel) {
      this(id, name, null, actionPlanLevel, null);
    }

    public String name(String language) {
      return inLanguage(language, name, nameCy);
    }

    public String actionPlanLevel(String language) {
      return inLanguage(language, actionPlanLevel, actionPlanLevelCy);
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Area(String id, String name, String nameCy, List<String> successMeasures,
      List<String> successMeasuresCy, List<Indicator> indicators) {

    public Area(String id, String name, List<Indicator> indicators) {
      this(id, name, null, null, null, indicators);
    }

    public List<Indicator> indicatorsAt(Level level) {
      return indicators.stream().filter(i -> i.level().equals(level.id())).toList();
    }

    public String name(String language) {
      return inLanguage(language, name, nameCy);
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Indicator(String id, String level, String text, String textCy, String guidance, String guidanceCy,
      List<String> evidenceExamples, List<String> evidenceExamplesCy, String seed) {

    public Indicator(String id, String level, String text) {
      this(id, level, text, null, null, null, null, null, null);
    }

    public Level levelValue() {
      return Level.fromId(level).orElseThrow();
    }

    public String text(String language) {
      return inLanguage(language, text, textCy);
    }

    /** What the indicator means in practice, in the language (English when there is no Welsh); empty when none. */
    public String guidance(String language) {
      String chosen = inLanguage(language, guidance, guidanceCy);
      return chosen == null ? "" : chosen;
    }

    public List<String> evidenceExamples(String language) {
      List<String> chosen = WELSH.equals(language) && evidenceExamplesCy != null && !evidenceExamplesCy.isEmpty()
          ? evidenceExamplesCy : evidenceExamples;
      return chosen == null ? List.of() : chosen;
    }
  }

  /** The language code of Welsh, as in the case variable {@code preferredLanguage}. */
  public static final String WELSH = "cy";

  static String inLanguage(String language, String english, String welsh) {
    return WELSH.equals(language) && welsh != null && !welsh.isBlank() ? welsh : english;
  }

  public String title(String language) {
    return inLanguage(language, title, titleCy);
  }

  public Optional<LevelDescription> levelDescription(String levelId) {
    return levels == null ? Optional.empty() : levels.stream().filter(l -> l.id().equals(levelId)).findFirst();
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

  /**
   * What is wrong with these ids as indicators of the area in this version: those that are not,
   * named; nothing when all are.
   */
  public Optional<String> problemWithIndicators(String areaId, List<String> ids) {
    List<String> wrong = ids.stream().filter(id -> !isIndicatorOf(areaId, id)).toList();
    if (wrong.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("contains " + String.join(", ", wrong.stream().limit(5).toList())
        + (wrong.size() > 5 ? " and " + (wrong.size() - 5) + " more" : "") + ", which "
        + (wrong.size() == 1 ? "is not an indicator" : "are not indicators") + " of area " + areaId
        + " in framework version " + version);
  }

  /** The pattern of an indicator id of the area, whatever the version. */
  public static String indicatorIdPattern(String areaId) {
    return areaId + "\\.(foundation|developing|competence|excellence)\\.[1-9][0-9]{0,2}";
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
