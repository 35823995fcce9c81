package org.equitymark.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.equitymark.framework.EvidenceFramework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The decision tables of processes/, evaluated by a standalone DMN engine (no process engine). */
class DecisionTablesTests {

  private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private static final DmnDecision FEE_BAND = parse("processes/fee-band.dmn", "fee-band");
  private static final DmnDecision CERTIFICATION_LEVEL =
      parse("processes/certification-level.dmn", "certification-level");
  private static final DmnDecision PANEL_REVIEW = parse("processes/panel-review.dmn", "panel-review");

  @ParameterizedTest(name = "{0} with {1} staff: band {2}, GBP {3}")
  @CsvSource({
      "voluntary-community,       1, A,  150",
      "voluntary-community,       9, A,  150",
      "voluntary-community,      10, B,  300",
      "voluntary-community,      49, B,  300",
      "voluntary-community,      50, D, 1200",
      "voluntary-community,    1000, F, 4500",
      "nhs-trust,                 1, C,  600",
      "nhs-trust,                 9, C,  600",
      "nhs-trust,                10, C,  600",
      "nhs-trust,                49, C,  600",
      "nhs-trust,                50, D, 1200",
      "nhs-trust,               249, D, 1200",
      "nhs-trust,               250, E, 2500",
      "nhs-trust,               999, E, 2500",
      "nhs-trust,              1000, F, 4500",
      "nhs-trust,           1000000, F, 4500",
      "local-authority,          49, C,  600",
      "independent-provider,    250, E, 2500"})
  void shouldFindTheFeeBandAtEveryBoundary(String organisationType, long staffCount, String band, long fee) {
    // given
    Map<String, Object> inputs = Map.of("organisationType", organisationType, "staffCount", staffCount);

    // when
    DmnDecisionRuleResult result = DMN.evaluateDecisionTable(FEE_BAND, inputs).getSingleResult();

    // then
    assertThat((String) result.getEntry("feeBand")).isEqualTo(band);
    assertThat(((Number) result.getEntry("fee")).longValue()).isEqualTo(fee);
  }

  @Test
  void shouldTakeTheStaffCountAsAnIntegerToo() {
    // when
    DmnDecisionRuleResult result = DMN.evaluateDecisionTable(FEE_BAND,
        Map.of("organisationType", "voluntary-community", "staffCount", 10)).getSingleResult();

    // then
    assertThat((String) result.getEntry("feeBand")).isEqualTo("B");
  }

  @Test
  void shouldCertifyExcellenceOnlyWhenEveryAreaIsExcellent() {
    // when / then
    assertThat(level(levels("excellence", "excellence", "excellence", "excellence", "excellence")))
        .isEqualTo("excellence");
  }

  @Test
  void shouldCertifyCompetenceWhenOneAreaIsAtCompetenceAndTheOthersExcellent() {
    // when / then
    assertThat(level(levels("excellence", "excellence", "competence", "excellence", "excellence")))
        .isEqualTo("competence");
  }

  @Test
  void shouldCertifyNothingWhenOneAreaHasNoLevel() {
    // when / then
    assertThat(level(levels("excellence", "excellence", "excellence", "excellence", "none"))).isEqualTo("none");
    assertThat(level(levels("none", "foundation", "foundation", "foundation", "foundation"))).isEqualTo("none");
  }

  @Test
  void shouldCertifyTheLowestLevelOfMixedAreas() {
    // when / then
    assertThat(level(levels("excellence", "foundation", "excellence", "foundation", "excellence")))
        .isEqualTo("foundation");
    assertThat(level(levels("competence", "developing", "excellence", "competence", "excellence")))
        .isEqualTo("developing");
    assertThat(level(levels("foundation", "foundation", "foundation", "foundation", "foundation")))
        .isEqualTo("foundation");
  }

  @Test
  void shouldCertifyTheLowestAreaLevelForEveryPlaceOfTheLowestArea() {
    // given
    List<String> order = List.of("none", "foundation", "developing", "competence", "excellence");

    // then: each area in turn is the lowest, the others one level higher
    for (int lowest = 0; lowest < order.size() - 1; lowest++) {
      for (int area = 0; area < 5; area++) {
        String[] areaLevels = new String[5];
        for (int i = 0; i < 5; i++) {
          areaLevels[i] = order.get(i == area ? lowest : lowest + 1);
        }
        assertThat(level(levels(areaLevels))).as("%s", String.join(",", areaLevels)).isEqualTo(order.get(lowest));
      }
    }
  }

  @Test
  void shouldCertifyNothingWhenAnAreaLevelIsMissing() {
    // given
    Map<String, Object> inputs = levels("excellence", "excellence", "excellence", "excellence", "excellence");
    inputs.put("outcomesLevel", null);

    // when / then
    assertThat(level(inputs)).isEqualTo("none");
  }

  @ParameterizedTest(name = "{0} agree and {1} disagree beside the lead: {2}")
  @CsvSource({
      "2, 0, agreed",
      "1, 1, split",
      "0, 2, referred-back",
      "2, 1, split",
      "1, 2, referred-back",
      "0, 1, referred-back"})
  void shouldDecideThePanelReviewByMajorityWithTheLead(long agreed, long disagreed, String outcome) {
    // when
    String decided = DMN.evaluateDecisionTable(PANEL_REVIEW,
        Map.<String, Object>of("panelAgreed", agreed, "panelDisagreed", disagreed)).getSingleResult().getSingleEntry();

    // then
    assertThat(decided).isEqualTo(outcome);
  }

  private static String level(Map<String, Object> inputs) {
    return DMN.evaluateDecisionTable(CERTIFICATION_LEVEL, inputs).getSingleResult().getSingleEntry();
  }

  private static Map<String, Object> levels(String... areaLevels) {
    Map<String, Object> inputs = new HashMap<>();
    for (int i = 0; i < areaLevels.length; i++) {
      inputs.put(EvidenceFramework.AREA_IDS.get(i) + "Level", areaLevels[i]);
    }
    return inputs;
  }

  private static DmnDecision parse(String file, String key) {
    try (InputStream in = Files.newInputStream(Path.of(file))) {
      return DMN.parseDecision(key, in);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + file, e);
    }
  }
}
