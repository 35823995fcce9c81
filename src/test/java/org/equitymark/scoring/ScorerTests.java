package org.equitymark.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.equitymark.framework.EvidenceFramework;
import org.equitymark.framework.EvidenceFramework.Indicator;
import org.equitymark.framework.Level;
import org.equitymark.framework.TestFrameworks;
import org.equitymark.scoring.GapAnalysis.AreaGap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ScorerTests {

  private static final EvidenceFramework FRAMEWORK = TestFrameworks.shipped();

  private final Scorer scorer = new Scorer(FRAMEWORK);

  @Test
  void shouldScoreNoLevelInEveryAreaWhenNothingIsClaimed() {
    // given
    Map<String, List<String>> claimed = Map.of();

    // when
    Map<String, Level> levels = scorer.areaLevels(claimed);

    // then
    assertThat(levels).containsExactly(
        Map.entry("leadership", Level.NONE), Map.entry("workforce", Level.NONE),
        Map.entry("engagement", Level.NONE), Map.entry("access", Level.NONE),
        Map.entry("outcomes", Level.NONE));
  }

  @Test
  void shouldScoreNoLevelWhenEmptyListsAreClaimed() {
    // given
    Map<String, List<String>> claimed = new HashMap<>();
    EvidenceFramework.AREA_IDS.forEach(area -> claimed.put(area, List.of()));

    // when
    Map<String, Level> levels = scorer.areaLevels(claimed);

    // then
    assertThat(levels.values()).containsOnly(Level.NONE).hasSize(5);
  }

  @Test
  void shouldScoreFoundationWhenAllFoundationIndicatorsAreClaimed() {
    // given
    Map<String, List<String>> claimed = everyArea(Level.FOUNDATION);

    // when
    Map<String, Level> levels = scorer.areaLevels(claimed);

    // then
    assertThat(levels.values()).containsOnly(Level.FOUNDATION).hasSize(5);
  }

  @Test
  void shouldScoreExcellenceWhenEveryIndicatorIsClaimed() {
    // given
    Map<String, List<String>> claimed = everyArea(Level.FOUNDATION, Level.DEVELOPING, Level.COMPETENCE,
        Level.EXCELLENCE);

    // when
    Map<String, Level> levels = scorer.areaLevels(claimed);

    // then
    assertThat(levels.values()).containsOnly(Level.EXCELLENCE).hasSize(5);
  }

  @Test
  void shouldScoreNoLevelWhenOneFoundationIndicatorIsMissingEvenIfHigherLevelsAreClaimed() {
    // given: developing, competence and excellence all claimed, foundation only half
    List<String> leadership = new ArrayList<>(ids("leadership", Level.DEVELOPING, Level.COMPETENCE,
        Level.EXCELLENCE));
    leadership.add("leadership.foundation.2");

    // when
    Map<String, Level> levels = scorer.areaLevels(Map.of("leadership", leadership));

    // then
    assertThat(levels).containsEntry("leadership", Level.NONE);
  }

  @Test
  void shouldNotCountALevelAboveASkippedOne() {
    // given: foundation and competence claimed, developing not
    Map<String, List<String>> claimed = Map.of("access", ids("access", Level.FOUNDATION, Level.COMPETENCE));

    // when
    Map<String, Level> levels = scorer.areaLevels(claimed);

    // then
    assertThat(levels).containsEntry("access", Level.FOUNDATION);
  }

  @ParameterizedTest
  @EnumSource(value = Level.class, names = {"FOUNDATION", "DEVELOPING", "COMPETENCE", "EXCELLENCE"})
  void shouldStayAtTheLevelBelowWhenOnlyOneOfTheIndicatorsOfALevelIsClaimed(Level level) {
    // given: every lower level complete, and the first indicator of this level only
    List<Indicator> atLevel = FRAMEWORK.area("engagement").indicatorsAt(level);
    assertThat(atLevel).as("the shipped framework has two indicators at %s", level).hasSizeGreaterThan(1);
    List<String> engagement = new ArrayList<>(ids("engagement", below(level)));
    engagement.add(atLevel.get(0).id());

    // when
    Map<String, Level> levels = scorer.areaLevels(Map.of("engagement", engagement));

    // then
    assertThat(levels).containsEntry("engagement", Level.values()[level.ordinal() - 1]);
  }

  @Test
  void shouldScoreEachAreaOnItsOwn() {
    // given
    Map<String, List<String>> claimed = new HashMap<>();
    claimed.put("leadership", ids("leadership", Level.FOUNDATION, Level.DEVELOPING, Level.COMPETENCE,
        Level.EXCELLENCE));
    claimed.put("workforce", ids("workforce", Level.FOUNDATION, Level.DEVELOPING));
    claimed.put("access", ids("access", Level.FOUNDATION));
    claimed.put("outcomes", ids("outcomes", Level.FOUNDATION, Level.DEVELOPING, Level.COMPETENCE));

    // when
    Map<String, Level> levels = scorer.areaLevels(claimed);

    // then
    assertThat(levels).containsExactly(
        Map.entry("leadership", Level.EXCELLENCE), Map.entry("workforce", Level.DEVELOPING),
        Map.entry("engagement", Level.NONE), Map.entry("access", Level.FOUNDATION),
        Map.entry("outcomes", Level.COMPETENCE));
  }

  @Test
  void shouldRejectAnUnknownIndicator() {
    // given
    Map<String, List<String>> claimed = Map.of("leadership", List.of("leadership.foundation.1",
        "leadership.foundation.9"));

    // when / then
    assertThatThrownBy(() -> scorer.areaLevels(claimed))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("leadership.foundation.9");
  }

  @Test
  void shouldRejectAnIndicatorOfAnotherArea() {
    // given
    Map<String, List<String>> claimed = Map.of("leadership", List.of("workforce.foundation.1"));

    // when / then
    assertThatThrownBy(() -> scorer.areaLevels(claimed))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("workforce.foundation.1")
        .hasMessageContaining("leadership");
  }

  @Test
  void shouldListExactlyTheUnclaimedIndicatorsUpToTheTargetLevelInFrameworkOrder() {
    // given
    Map<String, List<String>> claimed = new HashMap<>();
    claimed.put("leadership", List.of("leadership.foundation.1", "leadership.developing.2",
        "leadership.excellence.1"));
    claimed.put("workforce", ids("workforce", Level.FOUNDATION, Level.DEVELOPING, Level.COMPETENCE));

    // when
    GapAnalysis gaps = scorer.gapAnalysis(Level.COMPETENCE, claimed);

    // then
    assertThat(gaps.targetLevel()).isEqualTo(Level.COMPETENCE);
    assertThat(gaps.areas()).extracting(AreaGap::area).containsExactlyElementsOf(EvidenceFramework.AREA_IDS);
    assertThat(missingIds(gaps, "leadership")).containsExactly("leadership.foundation.2",
        "leadership.developing.1", "leadership.competence.1", "leadership.competence.2");
    assertThat(missingIds(gaps, "workforce")).isEmpty();
    for (String area : List.of("engagement", "access", "outcomes")) {
      assertThat(missingIds(gaps, area)).containsExactlyElementsOf(
          ids(area, Level.FOUNDATION, Level.DEVELOPING, Level.COMPETENCE));
    }
    assertThat(gaps.areas()).flatExtracting(AreaGap::missing).extracting(Indicator::level)
        .doesNotContain("excellence");
    assertThat(gaps.isEmpty()).isFalse();
  }

  @Test
  void shouldNameTheAreaInTheGapAnalysis() {
    // when
    GapAnalysis gaps = scorer.gapAnalysis(Level.FOUNDATION, Map.of());

    // then
    assertThat(gaps.areas().get(0).areaName()).isEqualTo(FRAMEWORK.area("leadership").name());
  }

  @Test
  void shouldFindNothingMissingWhenEveryIndicatorUpToTheTargetIsClaimed() {
    // given: competence claimed everywhere, excellence nowhere
    Map<String, List<String>> claimed = everyArea(Level.FOUNDATION, Level.DEVELOPING, Level.COMPETENCE);

    // when
    GapAnalysis gaps = scorer.gapAnalysis(Level.COMPETENCE, claimed);

    // then
    assertThat(gaps.isEmpty()).isTrue();
    assertThat(gaps.areas()).allSatisfy(gap -> assertThat(gap.missing()).isEmpty());
  }

  @Test
  void shouldFindNothingMissingForExcellenceWhenEverythingIsClaimed() {
    // given
    Map<String, List<String>> claimed = everyArea(Level.FOUNDATION, Level.DEVELOPING, Level.COMPETENCE,
        Level.EXCELLENCE);

    // when
    GapAnalysis gaps = scorer.gapAnalysis(Level.EXCELLENCE, claimed);

    // then
    assertThat(gaps.isEmpty()).isTrue();
  }

  @Test
  void shouldDescribeTheMissingIndicatorsInText() {
    // given
    Map<String, List<String>> claimed = everyArea(Level.FOUNDATION);
    claimed.put("access", List.of("access.foundation.1"));

    // when
    String text = scorer.gapAnalysis(Level.FOUNDATION, claimed).toText();

    // then
    assertThat(text)
        .contains("access.foundation.2")
        .contains(FRAMEWORK.indicator("access.foundation.2").orElseThrow().text())
        .contains(FRAMEWORK.area("access").name())
        .doesNotContain("access.foundation.1")
        .doesNotContain(FRAMEWORK.area("leadership").name())
        .doesNotContain("Nothing is missing");
  }

  @Test
  void shouldNameTheMissingIndicatorsByIdWhenTheirTextsWouldNotFitAStringVariable() {
    // given: nothing claimed, excellence the target: every indicator of the framework is missing
    GapAnalysis gaps = scorer.gapAnalysis(Level.EXCELLENCE, Map.of());

    // when
    String text = gaps.toText();

    // then
    assertThat(text.length()).isLessThanOrEqualTo(GapAnalysis.MAX_TEXT);
    assertThat(text).contains(FRAMEWORK.area("outcomes").name(), "outcomes.excellence.1", "leadership.foundation.1")
        .doesNotContain(FRAMEWORK.indicator("leadership.foundation.1").orElseThrow().text());
  }

  @Test
  void shouldSayNothingIsMissingWhenTheGapAnalysisIsEmpty() {
    // given
    Map<String, List<String>> claimed = everyArea(Level.FOUNDATION, Level.DEVELOPING);

    // when
    String text = scorer.gapAnalysis(Level.DEVELOPING, claimed).toText();

    // then
    assertThat(text).startsWith("Nothing is missing").contains("Developing").doesNotContain(".foundation.");
  }

  private static Map<String, List<String>> everyArea(Level... levels) {
    Map<String, List<String>> claimed = new LinkedHashMap<>();
    EvidenceFramework.AREA_IDS.forEach(area -> claimed.put(area, ids(area, levels)));
    return claimed;
  }

  private static List<String> ids(String area, Level... levels) {
    List<Level> wanted = Arrays.asList(levels);
    return FRAMEWORK.area(area).indicators().stream()
        .filter(i -> wanted.contains(i.levelValue()))
        .map(Indicator::id)
        .toList();
  }

  private static Level[] below(Level level) {
    return Level.certifiable().stream().filter(l -> l.compareTo(level) < 0).toArray(Level[]::new);
  }

  private static List<String> missingIds(GapAnalysis gaps, String area) {
    return gaps.areas().stream().filter(g -> g.area().equals(area)).findFirst().orElseThrow()
        .missing().stream().map(Indicator::id).toList();
  }
}
