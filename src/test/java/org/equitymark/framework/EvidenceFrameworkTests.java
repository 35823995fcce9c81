package org.equitymark.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.equitymark.framework.EvidenceFramework.Area;
import org.equitymark.framework.EvidenceFramework.Indicator;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

class EvidenceFrameworkTests {

  private static final EvidenceFramework SHIPPED = TestFrameworks.shipped();

  @Test
  void shouldShipAFrameworkWithoutProblems() {
    // when
    List<String> problems = SHIPPED.problems();

    // then
    assertThat(problems).isEmpty();
    assertThat(SHIPPED.version()).isNotBlank();
  }

  @Test
  void shouldShipTheFiveAreasInOrderWithIndicatorsAtEveryLevel() {
    // then
    assertThat(SHIPPED.areas()).extracting(Area::id).containsExactly(
        "leadership", "workforce", "engagement", "access", "outcomes");
    for (Area area : SHIPPED.areas()) {
      for (Level level : Level.certifiable()) {
        assertThat(area.indicatorsAt(level)).as("%s at %s", area.id(), level).isNotEmpty();
      }
      assertThat(area.indicatorsAt(Level.NONE)).as("%s at none", area.id()).isEmpty();
    }
  }

  @Test
  void shouldShipFortyIndicatorsWithUniqueWellFormedIds() {
    // given
    List<String> ids = SHIPPED.areas().stream().flatMap(a -> a.indicators().stream()).map(Indicator::id).toList();

    // then
    assertThat(ids).hasSize(40).doesNotHaveDuplicates();
    assertThat(SHIPPED.indicatorsById()).hasSize(40);
    for (Area area : SHIPPED.areas()) {
      assertThat(area.indicators()).allSatisfy(i -> {
        assertThat(i.id()).matches(area.id() + "\\." + i.level() + "\\.[1-9][0-9]*");
        assertThat(Level.certifiable()).contains(i.levelValue());
        assertThat(i.text()).isNotBlank();
      });
    }
  }

  @Test
  void shouldFindIndicatorsByIdAndArea() {
    // then
    assertThat(SHIPPED.indicator("access.developing.1")).get().extracting(Indicator::level).isEqualTo("developing");
    assertThat(SHIPPED.indicator("access.gold.1")).isEmpty();
    assertThat(SHIPPED.isIndicatorOf("access", "access.developing.1")).isTrue();
    assertThat(SHIPPED.isIndicatorOf("leadership", "access.developing.1")).isFalse();
    assertThatThrownBy(() -> SHIPPED.area("finance")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("finance");
  }

  @Test
  void shouldReportAnIdUsedTwice() {
    // given
    EvidenceFramework framework = changeArea("leadership", indicators -> append(indicators,
        new Indicator("leadership.foundation.1", "foundation", "Said twice")));

    // when / then
    assertThat(framework.problems()).containsExactly(
        appended("leadership", 0) + ".id: leadership.foundation.1 is used twice");
  }

  @Test
  void shouldReportALevelWithoutIndicator() {
    // given
    EvidenceFramework framework = changeArea("outcomes",
        indicators -> indicators.stream().filter(i -> !i.level().equals("excellence")).toList());

    // when / then
    assertThat(framework.problems()).containsExactly(
        "areas[4].indicators: area outcomes has no indicator at level excellence");
  }

  @Test
  void shouldReportAnIdWithAnUnknownLevel() {
    // given
    EvidenceFramework framework = changeArea("leadership", indicators -> append(indicators,
        new Indicator("leadership.gold.1", "gold", "Gold standard")));

    // when / then
    assertThat(framework.problems()).containsExactly(
        appended("leadership", 0) + ".level: gold is not one of [foundation, developing, competence, excellence]",
        appended("leadership", 0) + ".id: leadership.gold.1 must read leadership.{level}.{n}");
  }

  @Test
  void shouldReportAnIndicatorOfTheLevelNone() {
    // given
    EvidenceFramework framework = changeArea("leadership", indicators -> append(indicators,
        new Indicator("leadership.none.1", "none", "Nothing at all")));

    // when / then
    assertThat(framework.problems()).contains(appended("leadership", 0) + ".id: leadership.none.1 must read leadership.{level}.{n}");
  }

  @Test
  void shouldReportAnIdOfAnotherAreaPlacedInAnArea() {
    // given
    EvidenceFramework framework = changeArea("leadership", indicators -> append(indicators,
        new Indicator("workforce.foundation.3", "foundation", "Misplaced")));

    // when / then
    assertThat(framework.problems()).containsExactly(
        appended("leadership", 0) + ".id: workforce.foundation.3 must read leadership.foundation.{n}");
  }

  @Test
  void shouldReportAnIdWhoseLevelDiffersFromItsLevelField() {
    // given
    EvidenceFramework framework = changeArea("access", indicators -> append(indicators,
        new Indicator("access.developing.3", "foundation", "Which level?")));

    // when / then
    assertThat(framework.problems()).containsExactly(
        appended("access", 0) + ".id: access.developing.3 must read access.foundation.{n}");
  }

  @Test
  void shouldReportAnIdWithoutAPositiveNumber() {
    // given
    EvidenceFramework framework = changeArea("access", indicators -> append(append(indicators,
        new Indicator("access.foundation.0", "foundation", "Zero")),
        new Indicator("access.foundation.x", "foundation", "Letter")));

    // when / then
    assertThat(framework.problems()).containsExactly(
        appended("access", 0) + ".id: access.foundation.0 must read access.foundation.{n}",
        appended("access", 1) + ".id: access.foundation.x must read access.foundation.{n}");
  }

  @Test
  void shouldReportAnIndicatorWithoutText() {
    // given
    EvidenceFramework framework = changeArea("engagement", indicators -> append(indicators,
        new Indicator("engagement.foundation.3", "foundation", " ")));

    // when / then
    assertThat(framework.problems()).containsExactly(appended("engagement", 0) + ".text: missing");
  }

  @Test
  void shouldReportAMissingArea() {
    // given
    EvidenceFramework framework = withAreas(SHIPPED.areas().subList(0, 4));

    // when / then
    assertThat(framework.problems()).singleElement().asString()
        .startsWith("areas: must be [leadership, workforce, engagement, access, outcomes] in this order")
        .endsWith("were [leadership, workforce, engagement, access]");
  }

  @Test
  void shouldReportAreasInTheWrongOrder() {
    // given
    List<Area> areas = new ArrayList<>(SHIPPED.areas());
    areas.set(0, SHIPPED.areas().get(1));
    areas.set(1, SHIPPED.areas().get(0));

    // when / then
    assertThat(withAreas(areas).problems()).singleElement().asString().startsWith("areas: must be");
  }

  @Test
  void shouldReportAnUnknownArea() {
    // given
    List<Area> areas = new ArrayList<>(SHIPPED.areas());
    Area outcomes = areas.get(4);
    areas.set(4, new Area("results", outcomes.name(), outcomes.indicators()));

    // when / then
    assertThat(withAreas(areas).problems()).first().asString().startsWith("areas: must be");
  }

  @Test
  void shouldReportNoAreasAtAll() {
    // when / then
    assertThat(withAreas(null).problems()).singleElement().asString().startsWith("areas: missing");
  }

  @Test
  void shouldReportAMissingOrBlankVersion() {
    // given
    EvidenceFramework missing = new EvidenceFramework(null, SHIPPED.title(), SHIPPED.published(),
        SHIPPED.levels(), SHIPPED.areas());
    EvidenceFramework blank = new EvidenceFramework("  ", SHIPPED.title(), SHIPPED.published(),
        SHIPPED.levels(), SHIPPED.areas());

    // when / then
    assertThat(missing.problems()).containsExactly("version: missing");
    assertThat(blank.problems()).containsExactly("version: missing");
  }

  @Test
  void shouldRefuseToLoadAnInvalidFramework() {
    // given
    String json = """
        {"title": "Broken", "levels": [], "areas": []}
        """;

    // when / then
    assertThatThrownBy(() -> TestFrameworks.load(new ByteArrayResource(json.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is invalid")
        .hasMessageContaining("version: missing")
        .hasMessageContaining("levels: missing")
        .hasMessageContaining("areas: missing");
  }

  @Test
  void shouldFindLevelsByTheirIdOnly() {
    // then
    assertThat(Level.fromId("competence")).contains(Level.COMPETENCE);
    assertThat(Level.fromId("none")).contains(Level.NONE);
    assertThat(Level.fromId("Competence")).isEmpty();
    assertThat(Level.fromId("gold")).isEmpty();
    assertThat(Level.fromId(null)).isEmpty();
  }

  @Test
  void shouldCertifyTheFourLevelsLowestFirst() {
    // then
    assertThat(Level.certifiableIds()).containsExactly("foundation", "developing", "competence", "excellence");
    assertThat(Level.certifiable()).doesNotContain(Level.NONE);
  }

  @Test
  void shouldCompareLevels() {
    // then
    assertThat(Level.COMPETENCE.atLeast(Level.DEVELOPING)).isTrue();
    assertThat(Level.COMPETENCE.atLeast(Level.COMPETENCE)).isTrue();
    assertThat(Level.COMPETENCE.atLeast(Level.EXCELLENCE)).isFalse();
    assertThat(Level.NONE.atLeast(Level.FOUNDATION)).isFalse();
    assertThat(Level.FOUNDATION.atLeast(Level.NONE)).isTrue();
    assertThat(Level.EXCELLENCE.displayName()).isEqualTo("Excellence");
  }

  private static EvidenceFramework changeArea(String areaId, UnaryOperator<List<Indicator>> change) {
    List<Area> areas = SHIPPED.areas().stream()
        .map(a -> a.id().equals(areaId) ? new Area(a.id(), a.name(), change.apply(a.indicators())) : a)
        .toList();
    return withAreas(areas);
  }

  /** The path of the indicator appended to the area (n = 0 the first appended). */
  private static String appended(String areaId, int n) {
    return "areas[" + EvidenceFramework.AREA_IDS.indexOf(areaId) + "].indicators["
        + (SHIPPED.area(areaId).indicators().size() + n) + "]";
  }

  private static EvidenceFramework withAreas(List<Area> areas) {
    return new EvidenceFramework(SHIPPED.version(), SHIPPED.title(), SHIPPED.published(), SHIPPED.levels(), areas);
  }

  private static List<Indicator> append(List<Indicator> indicators, Indicator extra) {
    List<Indicator> copy = new ArrayList<>(indicators);
    copy.add(extra);
    return copy;
  }
}
