package org.equitymark.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.equitymark.engine.EngineTables;
import org.junit.jupiter.api.Test;

class AssessorPoolTests {

  /** A Camunda table written without a prefix: {@code ACT_RU_…} after a space, not after {@code prefix.}. */
  private static final Pattern UNPREFIXED_ENGINE_TABLE = Pattern.compile("(?<=\\s)ACT_[A-Z]{2}_[A-Z_]+");

  @Test
  void shouldNameTheEnginesTablesWithTheConfiguredTablePrefix() {
    // when
    String sql = AssessorPool.loadsQuery(EngineTables.withPrefix("camunda."));

    // then
    assertThat(sql).contains("camunda.ACT_RU_VARIABLE", "camunda.ACT_RE_PROCDEF", "camunda.ACT_RU_EXECUTION");
    assertThat(UNPREFIXED_ENGINE_TABLE.matcher(sql).results().map(r -> r.group()).toList()).isEmpty();
  }

  @Test
  void shouldNameTheEnginesTablesAsTheyAreWithoutAPrefix() {
    // when
    String sql = AssessorPool.loadsQuery(EngineTables.withPrefix(null));

    // then
    assertThat(sql).contains(" ACT_RU_VARIABLE v ", " ACT_RE_PROCDEF d ", " ACT_RU_EXECUTION e ");
  }
}
