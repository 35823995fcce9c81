package org.equitymark.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.variable.Variables.stringValue;

import java.util.List;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;

class JsonListsTests {

  @Test
  void shouldReadTheStringsOfAJsonList() {
    // then
    assertThat(JsonLists.strings("[\"x\",\"y\"]")).contains(List.of("x", "y"));
    assertThat(JsonLists.strings("[\"x\", 1]")).isEmpty();
    assertThat(JsonLists.strings("not json")).isEmpty();
    assertThat(JsonLists.strings((String) null)).isEmpty();
    assertThat(JsonLists.strings(SpinValues.jsonValue("[\"x\"]").create())).contains(List.of("x"));
    assertThat(JsonLists.strings(stringValue("[\"x\"]"))).isEmpty();
  }
}
