package org.equitymark.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EthnicGroupFiguresTests {

  @Test
  void shouldAcceptCountsByNhsEthnicCategoryAndNormaliseTheirOrder() {
    // given
    String json = "{\"Z\": {\"improved\": 3, \"served\": 9}, \"A\": {\"served\": 412, \"improved\": 260}}";

    // when / then
    assertThat(EthnicGroupFigures.OUTCOMES.problem(json)).isEmpty();
    assertThat(EthnicGroupFigures.OUTCOMES.normalised(json))
        .isEqualTo("{\"A\":{\"served\":412,\"improved\":260},\"Z\":{\"served\":9,\"improved\":3}}");
    assertThat(EthnicGroupFigures.OUTCOMES.describe(json)).isEqualTo("- A: 412 served, 260 improved\n- Z: 9 served, 3 improved");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"I\": {\"served\": 1, \"improved\": 1}}",
      "{\"A\": {\"served\": 1, \"improved\": 2}}",
      "{\"A\": {\"served\": -1, \"improved\": 0}}",
      "{\"A\": {\"served\": 1.5, \"improved\": 0}}",
      "{\"A\": {\"served\": 10, \"improved\": 2, \"name\": \"Jane Doe\"}}",
      "{\"A\": {\"surveyed\": 10, \"satisfied\": 2}}",
      "{}", "[]", "not json", "{\"A\": 5}"})
  void shouldRefuseAnythingButCountsPerKnownGroup(String json) {
    // when / then
    assertThat(EthnicGroupFigures.OUTCOMES.problem(json)).isPresent();
  }
}
