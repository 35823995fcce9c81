package org.equitymark.framework;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The framework's content, read as a plain JSON tree (independent of the Java records that load
 * it): every indicator complete in English and Welsh, 3 to 8 indicators in every area and level,
 * ids that say where they sit, and every action of seed 003 at the level and area seed 003 gives
 * it (the mapping is data: {@code framework/seed-003-actions.json}).
 */
class FrameworkContentTests {

  private static final String VERSION_1 = "framework/evidence-framework.json";
  private static final String VERSION_2 = "framework/evidence-framework-2026.2.json";
  private static final String SEED_003_ACTIONS = "framework/seed-003-actions.json";

  private static final List<String> AREAS = List.of("leadership", "workforce", "engagement", "access", "outcomes");
  private static final Map<String, String> SEED_003_LEVEL_TITLES = levelTitles();
  private static final List<String> LEVELS = List.copyOf(SEED_003_LEVEL_TITLES.keySet());
  private static final Set<String> SEEDS = Set.of("000", "001", "002", "003", "004");
  private static final int SEED_003_ACTION_COUNT = 23;
  private static final int FEWEST_PER_CELL = 3;
  private static final int MOST_PER_CELL = 8;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode framework = read(VERSION_2);
  private final JsonNode seed003Actions = read(SEED_003_ACTIONS);

  @Test
  void shouldPublishVersion2026_2WithTheFiveAreasAndFourLevelsInOrder() {
    // then
    assertThat(framework.path("version").asText()).isEqualTo("2026.2");
    assertThat(framework.path("published").asText()).isEqualTo("2026-12-05");
    assertThat(structureProblems(framework)).isEmpty();
  }

  @Test
  void shouldGiveEachLevelTheMeaningSeed003TitlesIt() {
    // then
    assertThat(framework.path("levels")).allSatisfy(level -> assertThat(level.path("actionPlanLevel").asText())
        .as(level.path("id").asText()).isEqualTo(SEED_003_LEVEL_TITLES.get(level.path("id").asText())));
  }

  @Test
  void shouldNameEveryLevelAndAreaInEnglishAndWelsh() {
    // then
    assertThat(nameProblems(framework)).isEmpty();
  }

  @Test
  void shouldGiveEveryIndicatorItsTextGuidanceEvidenceAndSeedInEnglishAndWelsh() {
    // then
    assertThat(indicatorProblems(framework)).isEmpty();
  }

  @Test
  void shouldHaveThreeToEightIndicatorsInEveryAreaAndLevel() {
    // then
    assertThat(cellProblems(framework, FEWEST_PER_CELL, MOST_PER_CELL)).isEmpty();
  }

  @Test
  void shouldNumberIndicatorsFromOneWithinTheirAreaAndLevel() {
    // then
    assertThat(idProblems(framework)).isEmpty();
  }

  @Test
  void shouldPlaceEverySeed003ActionAtTheLevelAndAreaSeed003GivesIt() {
    // then
    assertThat(seed003Actions).hasSize(SEED_003_ACTION_COUNT);
    assertThat(mappingProblems(framework, seed003Actions)).isEmpty();
  }

  @Test
  void shouldKeepVersion2026_1WellFormedWithoutChangingIt() {
    // given
    JsonNode version1 = read(VERSION_1);

    // then
    assertThat(version1.path("version").asText()).isEqualTo("2026.1");
    assertThat(structureProblems(version1)).isEmpty();
    assertThat(idProblems(version1)).isEmpty();
    assertThat(cellProblems(version1, 1, Integer.MAX_VALUE)).isEmpty();
  }

  @Test
  void shouldReportAnIndicatorWithoutWelshGuidanceOrWithUnevenEvidence() {
    // given
    JsonNode changed = framework.deepCopy();
    ObjectNode indicator = indicator(changed, "access.competence.2");
    indicator.remove("guidanceCy");
    ((ArrayNode) indicator.path("evidenceExamplesCy")).remove(0);
    indicator.put("seed", "005");

    // then
    assertThat(indicatorProblems(changed)).containsExactly(
        "access.competence.2 has no guidanceCy",
        "access.competence.2 has 3 evidence examples in English but 2 in Welsh",
        "access.competence.2 names seed 005, not one of " + sortedSeeds());
  }

  @Test
  void shouldReportAWelshTextThatOnlyCopiesTheEnglish() {
    // given
    JsonNode changed = framework.deepCopy();
    ObjectNode indicator = indicator(changed, "workforce.foundation.1");
    indicator.put("textCy", indicator.path("text").asText());

    // then
    assertThat(indicatorProblems(changed)).containsExactly(
        "workforce.foundation.1 has a textCy that only copies its text");
  }

  @Test
  void shouldReportACellWithTooFewOrTooManyIndicators() {
    // given
    JsonNode changed = framework.deepCopy();
    ArrayNode leadership = (ArrayNode) area(changed, "leadership").path("indicators");
    for (int n = 0; n < 8; n++) {
      leadership.add(indicator(changed, "leadership.foundation.1").deepCopy());
    }
    ArrayNode outcomes = (ArrayNode) area(changed, "outcomes").path("indicators");
    outcomes.remove(0);

    // then
    assertThat(cellProblems(changed, FEWEST_PER_CELL, MOST_PER_CELL)).containsExactly(
        "leadership at foundation has 12 indicators, more than 8",
        "outcomes at foundation has 2 indicators, fewer than 3");
  }

  @Test
  void shouldReportIdsThatDoNotSayWhereTheIndicatorSitsOrAreUsedTwice() {
    // given
    JsonNode changed = framework.deepCopy();
    indicator(changed, "engagement.developing.2").put("id", "engagement.competence.2");
    indicator(changed, "engagement.developing.3").put("id", "engagement.developing.1");

    // then
    assertThat(idProblems(changed)).containsExactly(
        "engagement.competence.2 is not engagement.developing.{n}",
        "engagement.developing.1 is used twice",
        "engagement.competence.2 is used twice",
        "engagement at developing is numbered [1, 1, 4], not 1 to 3");
  }

  @Test
  void shouldReportASeed003ActionMovedToAnotherLevelOrLeftOut() {
    // given the translation action's indicator moved to developing, where version 2026.1 had it
    JsonNode changed = framework.deepCopy();
    indicator(changed, "access.competence.1").put("level", "developing");
    // and the census action's indicator dropped
    ArrayNode access = (ArrayNode) area(changed, "access").path("indicators");
    for (int i = 0; i < access.size(); i++) {
      if (access.get(i).path("id").asText().equals("access.developing.1")) {
        access.remove(i);
      }
    }

    // then
    assertThat(mappingProblems(changed, seed003Actions)).containsExactly(
        "seed 003's action \"" + action("access", "developing", 0) + "\" names access.developing.1, which does not exist",
        "seed 003's action \"" + action("access", "competence", 0)
            + "\" at competence names access.competence.1, which is at developing");
  }

  @Test
  void shouldReportAnIndicatorOfAnotherAreaOrSeedForASeed003Action() {
    // given
    JsonNode changed = framework.deepCopy();
    indicator(changed, "workforce.developing.2").put("seed", "004");
    ArrayNode wrongArea = JSON.createArrayNode();
    ObjectNode entry = seed003Actions.get(0).deepCopy();
    entry.set("indicators", JSON.createArrayNode().add("leadership.foundation.1"));
    wrongArea.add(entry);
    for (JsonNode action : seed003Actions) {
      if (action.path("indicators").toString().contains("workforce.developing.2")) {
        wrongArea.add(action);
      }
    }

    // then
    assertThat(mappingProblems(changed, wrongArea)).containsExactly(
        "seed 003's action \"" + entry.path("action").asText() + "\" at foundation in "
            + entry.path("area").asText() + " names leadership.foundation.1, which is in leadership",
        "seed 003's action \"" + action("workforce", "developing", 1) + "\" names workforce.developing.2, whose seed is 004");
  }

  // ---- the checks ---------------------------------------------------------------------------

  private static List<String> structureProblems(JsonNode framework) {
    List<String> problems = new ArrayList<>();
    List<String> levelIds = texts(framework.path("levels"), "id");
    List<String> areaIds = texts(framework.path("areas"), "id");
    if (!levelIds.equals(LEVELS)) {
      problems.add("the levels are " + levelIds + ", not " + LEVELS);
    }
    if (!areaIds.equals(AREAS)) {
      problems.add("the areas are " + areaIds + ", not " + AREAS);
    }
    return problems;
  }

  private static List<String> nameProblems(JsonNode framework) {
    List<String> problems = new ArrayList<>();
    requireTexts(problems, "the framework", framework, "title", "titleCy");
    for (JsonNode level : framework.path("levels")) {
      requireTexts(problems, "level " + level.path("id").asText(), level,
          "name", "nameCy", "actionPlanLevel", "actionPlanLevelCy");
    }
    for (JsonNode area : framework.path("areas")) {
      String name = "area " + area.path("id").asText();
      requireTexts(problems, name, area, "name", "nameCy");
      requireListsInBothLanguages(problems, name, area, "successMeasures", "success measures");
    }
    return problems;
  }

  private static List<String> indicatorProblems(JsonNode framework) {
    List<String> problems = new ArrayList<>();
    for (JsonNode indicator : indicators(framework)) {
      String id = indicator.path("id").asText();
      requireTexts(problems, id, indicator, "text", "textCy", "guidance", "guidanceCy");
      requireListsInBothLanguages(problems, id, indicator, "evidenceExamples", "evidence examples");
      String seed = indicator.path("seed").asText();
      if (!SEEDS.contains(seed)) {
        problems.add(id + " names seed " + (seed.isEmpty() ? "none" : seed) + ", not one of " + sortedSeeds());
      }
    }
    return problems;
  }

  private static List<String> cellProblems(JsonNode framework, int fewest, int most) {
    List<String> problems = new ArrayList<>();
    for (JsonNode area : framework.path("areas")) {
      for (String level : LEVELS) {
        long count = StreamSupport.stream(area.path("indicators").spliterator(), false)
            .filter(i -> i.path("level").asText().equals(level)).count();
        String cell = area.path("id").asText() + " at " + level + " has " + count + " indicators";
        if (count < fewest) {
          problems.add(cell + ", fewer than " + fewest);
        } else if (count > most) {
          problems.add(cell + ", more than " + most);
        }
      }
    }
    return problems;
  }

  private static List<String> idProblems(JsonNode framework) {
    List<String> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonNode area : framework.path("areas")) {
      String areaId = area.path("id").asText();
      Map<String, List<String>> numbersByLevel = new LinkedHashMap<>();
      for (JsonNode indicator : area.path("indicators")) {
        String id = indicator.path("id").asText();
        String level = indicator.path("level").asText();
        String prefix = areaId + "." + level + ".";
        if (!LEVELS.contains(level) || !id.matches(Pattern.quote(prefix) + "[1-9][0-9]*")) {
          problems.add(id + " is not " + prefix + "{n}");
        } else {
          numbersByLevel.computeIfAbsent(level, l -> new ArrayList<>()).add(id.substring(prefix.length()));
        }
        if (!seen.add(id)) {
          problems.add(id + " is used twice");
        }
      }
      numbersByLevel.forEach((level, numbers) -> {
        List<String> expected = IntStream.rangeClosed(1, numbers.size()).mapToObj(String::valueOf).toList();
        if (!numbers.equals(expected)) {
          problems.add(areaId + " at " + level + " is numbered " + numbers + ", not 1 to " + numbers.size());
        }
      });
    }
    return problems;
  }

  private static List<String> mappingProblems(JsonNode framework, JsonNode actions) {
    List<String> problems = new ArrayList<>();
    Map<String, JsonNode> byId = new HashMap<>();
    Map<String, String> areaOf = new HashMap<>();
    for (JsonNode area : framework.path("areas")) {
      for (JsonNode indicator : area.path("indicators")) {
        byId.put(indicator.path("id").asText(), indicator);
        areaOf.put(indicator.path("id").asText(), area.path("id").asText());
      }
    }
    Set<String> seenActions = new HashSet<>();
    for (JsonNode action : actions) {
      String text = action.path("action").asText();
      String level = action.path("level").asText();
      String area = action.path("area").asText();
      String named = "seed 003's action \"" + text + "\"";
      if (text.isBlank() || !seenActions.add(text)) {
        problems.add(named + " is blank or listed twice");
      }
      if (!LEVELS.contains(level) || !AREAS.contains(area)) {
        problems.add(named + " is at an unknown level or area: " + level + ", " + area);
      }
      if (action.path("indicators").isEmpty()) {
        problems.add(named + " has no indicator");
      }
      for (JsonNode idNode : action.path("indicators")) {
        String id = idNode.asText();
        JsonNode indicator = byId.get(id);
        if (indicator == null) {
          problems.add(named + " names " + id + ", which does not exist");
        } else if (!indicator.path("level").asText().equals(level)) {
          problems.add(named + " at " + level + " names " + id + ", which is at " + indicator.path("level").asText());
        } else if (!areaOf.get(id).equals(area)) {
          problems.add(named + " at " + level + " in " + area + " names " + id + ", which is in " + areaOf.get(id));
        } else if (!indicator.path("seed").asText().equals("003")) {
          problems.add(named + " names " + id + ", whose seed is " + indicator.path("seed").asText());
        }
      }
    }
    return problems;
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static void requireTexts(List<String> problems, String owner, JsonNode node, String... fields) {
    for (String field : fields) {
      if (node.path(field).asText().isBlank()) {
        problems.add(owner + " has no " + field);
      }
    }
    for (String field : fields) {
      String english = node.path(field).asText();
      if (field.endsWith("Cy") && !english.isBlank()) {
        String source = node.path(field.substring(0, field.length() - 2)).asText();
        if (english.equals(source)) {
          problems.add(owner + " has a " + field + " that only copies its " + field.substring(0, field.length() - 2));
        }
      }
    }
  }

  private static void requireListsInBothLanguages(List<String> problems, String owner, JsonNode node,
      String field, String what) {
    JsonNode english = node.path(field);
    JsonNode welsh = node.path(field + "Cy");
    if (texts(english).isEmpty() || texts(welsh).isEmpty()) {
      problems.add(owner + " has no " + what + " in " + (texts(english).isEmpty() ? "English" : "Welsh"));
    } else if (english.size() != welsh.size()) {
      problems.add(owner + " has " + english.size() + " " + what + " in English but " + welsh.size() + " in Welsh");
    } else if (texts(english).size() != english.size() || texts(welsh).size() != welsh.size()) {
      problems.add(owner + " has a blank entry among its " + what);
    } else if (texts(english).equals(texts(welsh))) {
      problems.add(owner + " has Welsh " + what + " that only copy the English");
    }
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).filter(t -> !t.isBlank()).toList();
  }

  private static List<String> texts(JsonNode array, String field) {
    return StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText()).toList();
  }

  private static List<JsonNode> indicators(JsonNode framework) {
    return StreamSupport.stream(framework.path("areas").spliterator(), false)
        .flatMap(a -> StreamSupport.stream(a.path("indicators").spliterator(), false)).toList();
  }

  private static JsonNode area(JsonNode framework, String areaId) {
    return StreamSupport.stream(framework.path("areas").spliterator(), false)
        .filter(a -> a.path("id").asText().equals(areaId)).findFirst().orElseThrow();
  }

  private static ObjectNode indicator(JsonNode framework, String id) {
    return (ObjectNode) indicators(framework).stream().filter(i -> i.path("id").asText().equals(id))
        .findFirst().orElseThrow();
  }

  private String action(String area, String level, int index) {
    return StreamSupport.stream(seed003Actions.spliterator(), false)
        .filter(a -> a.path("area").asText().equals(area) && a.path("level").asText().equals(level))
        .skip(index).findFirst().orElseThrow().path("action").asText();
  }

  private static List<String> sortedSeeds() {
    return SEEDS.stream().sorted().toList();
  }

  private static Map<String, String> levelTitles() {
    Map<String, String> titles = new LinkedHashMap<>();
    titles.put("foundation",
        "Raising awareness about the needs, rights and cultural context of people from minority ethnic communities");
    titles.put("developing", "Engaging with people from minority ethnic communities");
    titles.put("competence", "Making services appropriate and accessible");
    titles.put("excellence", "Reviewing services and measuring outcomes");
    return titles;
  }

  private static JsonNode read(String resource) {
    try (InputStream in = FrameworkContentTests.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
