package org.equitymark.actionplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.equitymark.framework.EvidenceFramework;
import org.equitymark.framework.EvidenceFramework.Indicator;
import org.equitymark.framework.Level;
import org.equitymark.framework.TestFrameworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActionPlanDraftTests {

  private static final EvidenceFramework FRAMEWORK = TestFrameworks.shipped();

  @Test
  void shouldPlanTowardsTheTargetWhenAchievedBelowIt() {
    // given: foundation and developing confirmed everywhere, one competence indicator too
    Map<String, List<String>> confirmed = everyArea(Level.FOUNDATION, Level.DEVELOPING);
    confirmed.get("leadership").add("leadership.competence.1");

    // when
    List<ActionPlanItem> plan = ActionPlanDraft.draft(FRAMEWORK, confirmed, Level.DEVELOPING, Level.COMPETENCE);

    // then: the nine competence indicators not confirmed, in framework order, nothing of excellence
    assertThat(plan).extracting(ActionPlanItem::indicatorId).containsExactly(
        "leadership.competence.2",
        "workforce.competence.1", "workforce.competence.2",
        "engagement.competence.1", "engagement.competence.2",
        "access.competence.1", "access.competence.2",
        "outcomes.competence.1", "outcomes.competence.2");
    assertThat(plan).extracting(ActionPlanItem::priority).containsOnly("1");
  }

  @Test
  void shouldKeepFrameworkOrderAndIncludeUnconfirmedIndicatorsBelowTheAchievedLevel() {
    // given: achieved foundation overall; workforce.developing.2 and all of competence missing
    Map<String, List<String>> confirmed = everyArea(Level.FOUNDATION, Level.DEVELOPING);
    confirmed.get("workforce").remove("workforce.developing.2");

    // when
    List<ActionPlanItem> plan = ActionPlanDraft.draft(FRAMEWORK, confirmed, Level.FOUNDATION, Level.COMPETENCE);

    // then: area by area as the framework lists them, not grouped by level
    assertThat(plan).extracting(ActionPlanItem::indicatorId, ActionPlanItem::priority).containsExactly(
        tuple("leadership.competence.1", "2"), tuple("leadership.competence.2", "2"),
        tuple("workforce.developing.2", "1"),
        tuple("workforce.competence.1", "2"), tuple("workforce.competence.2", "2"),
        tuple("engagement.competence.1", "2"), tuple("engagement.competence.2", "2"),
        tuple("access.competence.1", "2"), tuple("access.competence.2", "2"),
        tuple("outcomes.competence.1", "2"), tuple("outcomes.competence.2", "2"));
  }

  @Test
  void shouldPlanFoundationWhenNotCertifiedAtAFoundationTarget() {
    // when
    List<ActionPlanItem> plan = ActionPlanDraft.draft(FRAMEWORK, Map.of(), Level.NONE, Level.FOUNDATION);

    // then
    assertThat(plan).extracting(ActionPlanItem::indicatorId).containsExactlyElementsOf(ids(Level.FOUNDATION));
    assertThat(plan).extracting(ActionPlanItem::priority).containsOnly("1");
  }

  @Test
  void shouldPlanTowardsTheNextLevelWhenCertifiedAtTarget() {
    // given: everything up to competence confirmed
    Map<String, List<String>> confirmed = everyArea(Level.FOUNDATION, Level.DEVELOPING, Level.COMPETENCE);

    // when
    List<ActionPlanItem> plan = ActionPlanDraft.draft(FRAMEWORK, confirmed, Level.COMPETENCE, Level.COMPETENCE);

    // then
    assertThat(plan).extracting(ActionPlanItem::indicatorId).containsExactlyElementsOf(ids(Level.EXCELLENCE));
    assertThat(plan).extracting(ActionPlanItem::priority).containsOnly("1");
  }

  @Test
  void shouldPlanTowardsTheLevelAfterTheAchievedOneWhenCertifiedAboveTarget() {
    // given
    Map<String, List<String>> confirmed = everyArea(Level.FOUNDATION, Level.DEVELOPING);

    // when
    List<ActionPlanItem> plan = ActionPlanDraft.draft(FRAMEWORK, confirmed, Level.DEVELOPING, Level.FOUNDATION);

    // then
    assertThat(plan).extracting(ActionPlanItem::indicatorId).containsExactlyElementsOf(ids(Level.COMPETENCE));
  }

  @ParameterizedTest
  @CsvSource({
      "NONE, FOUNDATION, FOUNDATION",
      "FOUNDATION, COMPETENCE, COMPETENCE",
      "COMPETENCE, EXCELLENCE, EXCELLENCE",
      "FOUNDATION, FOUNDATION, DEVELOPING",
      "DEVELOPING, DEVELOPING, COMPETENCE",
      "COMPETENCE, COMPETENCE, EXCELLENCE",
      "DEVELOPING, FOUNDATION, COMPETENCE",
      "EXCELLENCE, COMPETENCE, EXCELLENCE",
      "EXCELLENCE, EXCELLENCE, EXCELLENCE"
  })
  void shouldPlanTowardsTheTargetBelowItAndTowardsTheNextLevelFromIt(Level achieved, Level target, Level expected) {
    assertThat(ActionPlanDraft.planLevel(achieved, target)).isEqualTo(expected);
  }

  @Test
  void shouldDraftNothingWhenExcellenceIsAchievedAndEverythingConfirmed() {
    // given
    Map<String, List<String>> confirmed = everyArea(Level.FOUNDATION, Level.DEVELOPING, Level.COMPETENCE,
        Level.EXCELLENCE);

    // when
    List<ActionPlanItem> plan = ActionPlanDraft.draft(FRAMEWORK, confirmed, Level.EXCELLENCE, Level.EXCELLENCE);

    // then
    assertThat(plan).isEmpty();
  }

  @Test
  void shouldGiveTheLowestMissingLevelPriorityOneTheNextTwoAndTheRestThree() {
    // given: nothing confirmed, aiming for excellence
    Map<String, List<String>> confirmed = Map.of();

    // when
    List<ActionPlanItem> plan = ActionPlanDraft.draft(FRAMEWORK, confirmed, Level.NONE, Level.EXCELLENCE);

    // then
    assertThat(plan).hasSize(40);
    assertThat(plan).allSatisfy(item -> assertThat(item.priority()).as(item.indicatorId()).isEqualTo(
        switch (item.level()) {
          case "foundation" -> "1";
          case "developing" -> "2";
          default -> "3";
        }));
  }

  @Test
  void shouldCountPrioritiesFromTheLowestMissingLevelNotFromFoundation() {
    // given: foundation confirmed everywhere
    Map<String, List<String>> confirmed = everyArea(Level.FOUNDATION);

    // when
    List<ActionPlanItem> plan = ActionPlanDraft.draft(FRAMEWORK, confirmed, Level.FOUNDATION, Level.EXCELLENCE);

    // then
    assertThat(plan).hasSize(30);
    assertThat(plan).allSatisfy(item -> assertThat(item.priority()).as(item.indicatorId()).isEqualTo(
        switch (item.level()) {
          case "developing" -> "1";
          case "competence" -> "2";
          case "excellence" -> "3";
          default -> "unexpected level " + item.level();
        }));
  }

  @Test
  void shouldFillEachItemFromItsIndicatorAndLeaveTheApplicantsPartsEmpty() {
    // given: only outcomes.foundation.2 missing below developing
    Map<String, List<String>> confirmed = everyArea(Level.FOUNDATION, Level.DEVELOPING);
    confirmed.get("outcomes").remove("outcomes.foundation.2");

    // when
    List<ActionPlanItem> plan = ActionPlanDraft.draft(FRAMEWORK, confirmed, Level.NONE, Level.DEVELOPING);

    // then
    Indicator indicator = FRAMEWORK.indicator("outcomes.foundation.2").orElseThrow();
    assertThat(plan).containsExactly(new ActionPlanItem("outcomes.foundation.2", "outcomes", "foundation",
        indicator.text(), "1", "", ""));
    assertThat(indicator.text()).isNotBlank();
  }

  @Test
  void shouldNameAreaLevelAndIndicatorTextForEveryItem() {
    // when
    List<ActionPlanItem> plan = ActionPlanDraft.draft(FRAMEWORK, Map.of(), Level.NONE, Level.EXCELLENCE);

    // then
    Map<String, String> areaOf = new HashMap<>();
    FRAMEWORK.areas().forEach(area -> area.indicators().forEach(i -> areaOf.put(i.id(), area.id())));
    assertThat(plan).allSatisfy(item -> {
      Indicator indicator = FRAMEWORK.indicator(item.indicatorId()).orElseThrow();
      assertThat(item.area()).isEqualTo(areaOf.get(item.indicatorId()));
      assertThat(item.level()).isEqualTo(indicator.level());
      assertThat(item.action()).isEqualTo(indicator.text());
      assertThat(item.personResponsible()).isEmpty();
      assertThat(item.targetDate()).isEmpty();
    });
  }

  @Test
  void shouldIgnoreConfirmedIdsThatAreNotInTheArea() {
    // given: leadership.developing.1 listed under workforce confirms nothing; leadership.developing.2
    // is confirmed where it belongs
    Map<String, List<String>> confirmed = everyArea(Level.FOUNDATION);
    confirmed.get("workforce").add("leadership.developing.1");
    confirmed.get("leadership").add("leadership.developing.2");

    // when
    List<ActionPlanItem> plan = ActionPlanDraft.draft(FRAMEWORK, confirmed, Level.FOUNDATION, Level.DEVELOPING);

    // then
    assertThat(plan).extracting(ActionPlanItem::indicatorId).containsExactly(
        "leadership.developing.1",
        "workforce.developing.1", "workforce.developing.2",
        "engagement.developing.1", "engagement.developing.2",
        "access.developing.1", "access.developing.2",
        "outcomes.developing.1", "outcomes.developing.2");
  }

  private static org.assertj.core.groups.Tuple tuple(Object... values) {
    return org.assertj.core.groups.Tuple.tuple(values);
  }

  /** Every area's indicators at the given levels, in framework order, in lists the test may change. */
  private static Map<String, List<String>> everyArea(Level... levels) {
    Map<String, List<String>> confirmed = new HashMap<>();
    EvidenceFramework.AREA_IDS.forEach(area -> confirmed.put(area, new ArrayList<>(ids(area, levels))));
    return confirmed;
  }

  private static List<String> ids(String area, Level... levels) {
    List<Level> wanted = Arrays.asList(levels);
    return FRAMEWORK.area(area).indicators().stream().filter(i -> wanted.contains(i.levelValue()))
        .map(Indicator::id).toList();
  }

  /** The ids of one level across the framework, in framework order. */
  private static List<String> ids(Level level) {
    return FRAMEWORK.areas().stream().flatMap(area -> area.indicatorsAt(level).stream()).map(Indicator::id).toList();
  }
}
