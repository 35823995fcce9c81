package org.equitymark.framework;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.equitymark.framework.FrameworkFiles.Reading;
import org.junit.jupiter.api.Test;

/**
 * A framework file as a person wrote it: what is wrong with it is said so that the person can find it,
 * a syntax error by line and column, a content error by the path of its field, all problems at once.
 */
class FrameworkFilesTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static String draft(String version) throws Exception {
    ObjectNode json = JSON.valueToTree(TestFrameworks.shipped());
    json.put("version", version);
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json);
  }

  @Test
  void shouldReadAValidFramework() throws Exception {
    // when
    Reading reading = FrameworkFiles.read(draft("2030.1"), JSON);

    // then
    assertThat(reading.problems()).isEmpty();
    assertThat(reading.isValid()).isTrue();
    assertThat(reading.framework()).get().extracting(EvidenceFramework::version).isEqualTo("2030.1");
  }

  @Test
  void shouldGiveTheLineAndColumnOfASyntaxError() throws Exception {
    // given a comma missing at the end of line 3
    String json = "{\n  \"version\": \"2030.1\",\n  \"title\": \"EquityMark\"\n  \"published\": \"2030-01-01\"\n}";

    // when
    Reading reading = FrameworkFiles.read(json, JSON);

    // then
    assertThat(reading.isValid()).isFalse();
    assertThat(reading.framework()).isEmpty();
    assertThat(reading.problems()).singleElement().asString().startsWith("line 4, column 3: not valid JSON");
  }

  @Test
  void shouldNameTheFieldOfAValueOfTheWrongKindAndWhereItIs() {
    // when
    Reading reading = FrameworkFiles.read("{\"version\": \"2030.1\",\n \"areas\": [{\"id\": \"leadership\", "
        + "\"indicators\": {\"id\": 3}}]}", JSON);

    // then
    assertThat(reading.problems()).singleElement().asString()
        .startsWith("line 2, column ").endsWith("areas[0].indicators: expected a list [...]");
  }

  @Test
  void shouldReportEveryMisspeltFieldAndEveryContentProblemWithItsPathAtOnce() throws Exception {
    // given a misspelt field in an indicator, another at the top, an indicator without text and a level missing
    ObjectNode json = (ObjectNode) JSON.readTree(draft("2030.1"));
    ObjectNode indicator = (ObjectNode) json.path("areas").path(2).path("indicators").path(1);
    indicator.put("txet", indicator.path("text").asText());
    indicator.remove("text");
    json.put("tilte", "Misspelt");
    ((com.fasterxml.jackson.databind.node.ArrayNode) json.path("levels")).remove(3);

    // when
    Reading reading = FrameworkFiles.read(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json), JSON);

    // then
    assertThat(reading.isValid()).isFalse();
    assertThat(reading.problems()).hasSize(4);
    assertThat(reading.problems().get(0)).matches("(line \\d+, column \\d+: )?areas\\[2\\]\\.indicators\\[1\\]\\.txet: "
        + "not a field of the framework \\(misspelt\\?\\)");
    assertThat(reading.problems().get(1)).matches("(line \\d+, column \\d+: )?tilte: not a field of the framework.*");
    assertThat(reading.problems().subList(2, 4)).containsExactly(
        "levels: must be [foundation, developing, competence, excellence] in this order, were "
            + "[foundation, developing, competence]",
        "areas[2].indicators[1].text: missing");
  }

  @Test
  void shouldRefuseAnEmptyFileOrTrailingContent() throws Exception {
    // then
    assertThat(FrameworkFiles.read(" ", JSON).problems()).containsExactly("the file is empty");
    assertThat(FrameworkFiles.read(draft("2030.1") + " {}", JSON).problems()).singleElement().asString()
        .contains("line ");
  }
}
