package org.equitymark.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.Test;

class HistoryCleanupWindowTests {

  @Test
  void shouldGiveTheEngineTheConfiguredWindow() {
    // given
    var configuration = new StandaloneInMemProcessEngineConfiguration();

    // when
    new HistoryCleanupWindow("01:30-05:00").preInit(configuration);

    // then
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:30");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
  }

  @Test
  void shouldLeaveTheCleanupOffWhenEmpty() {
    // given
    var configuration = new StandaloneInMemProcessEngineConfiguration();

    // when
    new HistoryCleanupWindow("").preInit(configuration);

    // then
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isNull();
  }

  @Test
  void shouldRefuseToStartWithAWindowThatIsNotTwoTimesOfDay() {
    assertThatThrownBy(() -> new HistoryCleanupWindow("25:00-05:00"))
        .hasMessageContaining("equitymark.history-cleanup.window");
    assertThatThrownBy(() -> new HistoryCleanupWindow("nightly"))
        .hasMessageContaining("HH:mm-HH:mm");
  }
}
