package org.equitymark.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.equitymark.support.ProcessTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The engine tuning's off switch. The default build runs this with the tuning on; the Surefire
 * execution {@code engine-tuning-off} runs it, and a representative set of process tests, with
 * {@code equitymark.engine.tuning.enabled=false}.
 */
class EngineTuningTests extends ProcessTestSupport {

  private static final List<Class<?>> PARTS = List.of(AuthorizedQueries.class, PostgresPlanChoice.class,
      EngineSchemaTuning.class, AuthenticatedGroupsPlugin.class, JobAcquisitionByDueDate.class);

  @Autowired ProcessEngineConfigurationImpl configuration;
  @Value("${equitymark.engine.tuning.enabled:true}") boolean enabled;

  @Test
  void shouldApplyOnlyWhenEnabledAndOnTheCamundaVersionItWasWrittenFor() {
    // then
    assertThat(EngineTuning.applies(true, "7.24.0")).isTrue();
    assertThat(EngineTuning.applies(true, "7.24.1-ee")).isTrue();
    assertThat(EngineTuning.applies(false, "7.24.0")).as("switched off").isFalse();
    assertThat(EngineTuning.applies(true, "7.25.0")).as("another version").isFalse();
    assertThat(EngineTuning.applies(true, "7.240.0")).isFalse();
    assertThat(EngineTuning.applies(true, null)).isFalse();
  }

  @Test
  void shouldPlugTheTuningIntoTheEngineExactlyWhenSwitchedOn() {
    // when
    List<Class<?>> plugged = configuration.getProcessEnginePlugins().stream()
        .flatMap(plugin -> plugin instanceof CompositeProcessEnginePlugin composite
            ? composite.getPlugins().stream() : Stream.of(plugin))
        .<Class<?>>map(ProcessEnginePlugin::getClass).toList();

    // then
    if (enabled) {
      assertThat(plugged).containsAll(PARTS);
    } else {
      assertThat(plugged).doesNotContainAnyElementsOf(PARTS);
    }
    assertThat(configuration.isJobExecutorAcquireByDueDate()).as("acquisition by due date").isEqualTo(enabled);
    assertThat(configuration.isEnsureJobDueDateNotNull()).as("every job with a due date").isEqualTo(enabled);
  }
}
