package org.equitymark.actionplan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.equitymark.framework.EvidenceFramework;
import org.equitymark.framework.TestFrameworks;
import org.equitymark.submission.Field;
import org.equitymark.submission.Problems;
import org.equitymark.submission.SubmissionValidator.Submission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ActionPlanFormTests {

  private static final EvidenceFramework FRAMEWORK = TestFrameworks.shipped();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The engine's today, in UTC. */
  private static final String TODAY = "2026-06-15";

  private final ActionPlanForm form = new ActionPlanForm(null);

  @BeforeEach
  void setTheEngineClock() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse(TODAY + "T12:00:00Z")));
  }

  @AfterEach
  void resetTheEngineClock() {
    ClockUtil.reset();
  }

  // crossCheck: valid plans

  @Test
  void shouldAcceptADraftedActionWithPriorityPersonAndFutureDate() {
    assertThat(problems(drafted())).isEmpty();
  }

  @Test
  void shouldAcceptEveryPriorityAndATargetDateOfToday() {
    // given
    Map<String, Object> first = drafted();
    Map<String, Object> second = drafted();
    second.put("priority", "2");
    second.put("targetDate", TODAY);
    Map<String, Object> third = drafted();
    third.put("priority", "3");
    third.put("targetDate", "2029-01-31T00:00:00.000Z");

    // then
    assertThat(problems(first, second, third)).isEmpty();
  }

  @Test
  void shouldAcceptAnEmptyPlan() {
    assertThat(problemsOf("[]")).isEmpty();
  }

  @Test
  void shouldAcceptTheApplicantsOwnIdeaWithoutIndicator() {
    // given
    Map<String, Object> ownIdea = ownIdea("Translate the leaflets into Welsh, Urdu and Polish.");

    // then
    assertThat(problems(ownIdea)).isEmpty();
  }

  @Test
  void shouldAcceptPersonNamesOfTwoAndOfOneHundredTwentyCharacters() {
    // given
    Map<String, Object> shortName = drafted();
    shortName.put("personResponsible", "Jo");
    Map<String, Object> longName = drafted();
    longName.put("personResponsible", "A".repeat(120));

    // then
    assertThat(problems(shortName, longName)).isEmpty();
  }

  // crossCheck: each rule

  @ParameterizedTest
  @ValueSource(strings = {"4", "0", "", "high", "1 "})
  void shouldRejectAPriorityOtherThanOneTwoOrThree(String priority) {
    assertThat(problems(drafted(item -> item.put("priority", priority))))
        .containsOnlyKeys("actionPlan[0].priority");
  }

  @Test
  void shouldRejectAMissingPriority() {
    assertThat(problems(drafted(item -> item.remove("priority")))).containsOnlyKeys("actionPlan[0].priority");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "J"})
  void shouldRejectABlankOrOneLetterPersonResponsible(String person) {
    assertThat(problems(drafted(item -> item.put("personResponsible", person))))
        .containsOnlyKeys("actionPlan[0].personResponsible");
  }

  @Test
  void shouldRejectAPersonResponsibleOfOneHundredTwentyOneCharacters() {
    assertThat(problems(drafted(item -> item.put("personResponsible", "A".repeat(121)))))
        .containsOnlyKeys("actionPlan[0].personResponsible");
  }

  @Test
  void shouldRejectAPersonResponsibleOverTwoLines() {
    assertThat(problems(drafted(item -> item.put("personResponsible", "Amara\nOkafor"))))
        .containsOnlyKeys("actionPlan[0].personResponsible");
  }

  /**
   * Fails at ad7b323: ActionPlanForm only refuses {@code \n} and characters below U+0020 other than
   * CR and TAB, where Checks.text (one line of text) refuses CR, TAB, every Unicode control
   * character (DEL, NEL) and the line and paragraph separators.
   */
  @ParameterizedTest
  @ValueSource(strings = {"Amara\rOkafor", "Amara\tOkafor", "Amara\u2028Okafor", "Amara\u0085Okafor", "Amara\u007fOkafor"})
  void shouldRejectAPersonResponsibleWithLineBreaksTabsOrControlCharacters(String person) {
    assertThat(problems(drafted(item -> item.put("personResponsible", person))))
        .containsOnlyKeys("actionPlan[0].personResponsible");
  }

  @Test
  void shouldRejectATargetDateInThePast() {
    assertThat(problems(drafted(item -> item.put("targetDate", "2026-06-14"))))
        .containsOnlyKeys("actionPlan[0].targetDate");
  }

  @Test
  void shouldJudgeThePastByTheEngineClock() {
    // given: a date that is in the future by the real clock, in the past by the engine's
    Map<String, Object> item = drafted(i -> i.put("targetDate", "2040-01-01"));
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2041-01-01T00:00:00Z")));

    // then
    assertThat(problems(item)).containsOnlyKeys("actionPlan[0].targetDate");
  }

  @ParameterizedTest
  @ValueSource(strings = {"31/12/2027", "2027-13-01", "2027-02-30", "next year", ""})
  void shouldRejectATargetDateThatIsNotAnIsoDate(String date) {
    assertThat(problems(drafted(item -> item.put("targetDate", date))))
        .containsOnlyKeys("actionPlan[0].targetDate");
  }

  @Test
  void shouldRejectAMissingTargetDate() {
    assertThat(problems(drafted(item -> item.remove("targetDate")))).containsOnlyKeys("actionPlan[0].targetDate");
  }

  /**
   * Fails at ad7b323: anything longer than ten characters is cut to its first ten before parsing,
   * so any text after a valid date passes and is kept in the plan.
   */
  @ParameterizedTest
  @ValueSource(strings = {"2027-12-31<img src=x onerror=alert(1)>", "2027-12-31 or later", "2027-12-31xxxxxxxxxxxxxxxxxxx"})
  void shouldRejectATargetDateWithTextAfterTheDate(String date) {
    assertThat(problems(drafted(item -> item.put("targetDate", date))))
        .containsOnlyKeys("actionPlan[0].targetDate");
  }

  @Test
  void shouldRejectAnIndicatorThatIsNotInTheFramework() {
    assertThat(problems(drafted(item -> item.put("indicatorId", "leadership.platinum.1"))))
        .containsOnlyKeys("actionPlan[0].indicatorId");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void shouldRejectTheApplicantsOwnIdeaWithoutAction(String action) {
    assertThat(problems(ownIdea(action))).containsOnlyKeys("actionPlan[0].action");
  }

  @Test
  void shouldRejectTheApplicantsOwnIdeaWithNoActionField() {
    // given
    Map<String, Object> ownIdea = ownIdea("x");
    ownIdea.remove("action");

    // then
    assertThat(problems(ownIdea)).containsOnlyKeys("actionPlan[0].action");
  }

  @Test
  void shouldRejectAnActionOfMoreThanFiveHundredCharacters() {
    assertThat(problems(ownIdea("a".repeat(500)))).isEmpty();
    assertThat(problems(ownIdea("a".repeat(501)))).containsOnlyKeys("actionPlan[0].action");
  }

  @Test
  void shouldRejectAKeyThatIsNotAFieldOfAnAction() {
    assertThat(problems(drafted(item -> item.put("fee", 500)))).containsOnlyKeys("actionPlan[0].fee");
  }

  @Test
  void shouldRejectAnItemThatIsNotAnObject() {
    // given
    String json = "[\"Train all staff\"]";

    // then
    assertThat(problemsOf(json)).containsOnlyKeys("actionPlan[0]");
  }

  @Test
  void shouldRejectValuesThatAreNotText() {
    // given
    Map<String, Object> item = drafted();
    item.put("personResponsible", Map.of("name", "Amara Okafor"));
    item.put("targetDate", List.of("2027-01-01"));
    item.put("action", true);

    // then
    assertThat(problems(item)).containsOnlyKeys("actionPlan[0].personResponsible", "actionPlan[0].targetDate",
        "actionPlan[0].action");
  }

  @Test
  void shouldNameTheItemAndFieldOfEachProblem() {
    // given: the first and third items are fine
    Map<String, Object> second = drafted(item -> item.put("priority", "9"));
    Map<String, Object> fourth = ownIdea("");
    fourth.put("targetDate", "2020-01-01");

    // when
    Map<String, String> problems = problems(drafted(), second, ownIdea("Hold a listening event."), fourth);

    // then
    assertThat(problems).containsOnlyKeys("actionPlan[1].priority", "actionPlan[3].action", "actionPlan[3].targetDate");
    assertThat(problems.get("actionPlan[1].priority")).contains("1, 2 or 3");
  }

  @Test
  void shouldRejectControlCharactersInAnAction() {
    assertThat(problems(ownIdea("Train staff\u0000"))).containsOnlyKeys("actionPlan[0].action");
  }

  /**
   * Fails at ad7b323: {@code area} and {@code level} are accepted keys but their values are never
   * checked, so any text of any length is kept in the plan unchecked.
   */
  @Test
  void shouldRejectAnAreaOrLevelThatIsNotInTheFramework() {
    // given
    Map<String, Object> ownIdea = ownIdea("Hold a listening event.");
    ownIdea.put("area", "x".repeat(5000));
    ownIdea.put("level", "platinum\u0000");

    // then
    assertThat(problems(ownIdea)).containsOnlyKeys("actionPlan[0].area", "actionPlan[0].level");
  }

  // fields()

  @Test
  void shouldDeclareTheActionPlanAsTheOneRequiredField() {
    assertThat(form.fields()).extracting(Field::name, Field::required)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("actionPlan", true));
  }

  @Test
  void shouldAcceptAJsonListOfUpToOneHundredActions() {
    assertThat(check(SpinValues.jsonValue(json(drafted())).create())).isEmpty();
    assertThat(check(SpinValues.jsonValue(listOf(ActionPlanForm.MAX_ITEMS)).create())).isEmpty();
    assertThat(check(SpinValues.jsonValue("[]").create())).isEmpty();
  }

  @Test
  void shouldRejectMoreThanOneHundredActions() {
    assertThat(check(SpinValues.jsonValue(listOf(ActionPlanForm.MAX_ITEMS + 1)).create()))
        .hasValueSatisfying(reason -> assertThat(reason).contains("JSON list"));
  }

  @Test
  void shouldRejectAJsonObjectInsteadOfAList() throws JsonProcessingException {
    assertThat(check(SpinValues.jsonValue(JSON.writeValueAsString(drafted())).create())).isPresent();
  }

  @Test
  void shouldRejectAnActionPlanThatIsNotAJsonVariable() {
    assertThat(check(Variables.stringValue(json(drafted())))).isPresent();
    assertThat(check(SpinValues.jsonValue("\"[]\"").create())).isPresent();
    assertThat(check(SpinValues.jsonValue("[not json").create())).isPresent();
  }

  // helpers

  private Optional<String> check(TypedValue value) {
    return form.fields().get(0).check().problem(value);
  }

  /** A drafted item, valid, as DraftActionPlanDelegate and the applicant together make it. */
  private static Map<String, Object> drafted() {
    EvidenceFramework.Indicator indicator = FRAMEWORK.indicator("access.competence.1").orElseThrow();
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("indicatorId", indicator.id());
    item.put("area", "access");
    item.put("level", indicator.level());
    item.put("action", indicator.text());
    item.put("priority", "1");
    item.put("personResponsible", "Amara Okafor, Head of Access");
    item.put("targetDate", "2026-12-31");
    return item;
  }

  private static Map<String, Object> drafted(Consumer<Map<String, Object>> change) {
    Map<String, Object> item = drafted();
    change.accept(item);
    return item;
  }

  /** The applicant's own idea: no indicator, the action written out. */
  private static Map<String, Object> ownIdea(String action) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("action", action);
    item.put("priority", "2");
    item.put("personResponsible", "Dev Patel");
    item.put("targetDate", "2027-03-31");
    return item;
  }

  @SafeVarargs
  private static String json(Map<String, Object>... items) {
    try {
      return JSON.writeValueAsString(List.of(items));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String listOf(int size) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      items.add(drafted());
    }
    try {
      return JSON.writeValueAsString(items);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @SafeVarargs
  private Map<String, String> problems(Map<String, Object>... items) {
    return problemsOf(json(items));
  }

  private Map<String, String> problemsOf(String json) {
    Problems problems = new Problems();
    form.crossCheck(new Submission(Map.of("actionPlan", json), Set.of("actionPlan")), problems);
    if (problems.isEmpty()) {
      // as the engine does: the case's framework version is checked once the fields pass (checkCase)
      ActionPlanForm.checkIndicators(FRAMEWORK, json, problems);
    }
    return problems.byField();
  }
}
