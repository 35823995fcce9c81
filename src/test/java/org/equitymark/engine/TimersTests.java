package org.equitymark.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.ClassPathResource;

class TimersTests {

  @Test
  void shouldBindAndAcceptTheDefaultsOfApplicationYaml() {
    // given
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yaml"));
    Properties properties = yaml.getObject();

    // when
    Timers timers = new Timers(new Binder(new MapConfigurationPropertySource(properties))
        .bind("equitymark.timers", TimerProperties.class).get());

    // then
    assertThat(timers.getPaymentReminder()).isEqualTo("R/P14D");
    assertThat(timers.getPaymentLapse()).isEqualTo("P60D");
    assertThat(timers.getSelfAssessmentReminder()).isEqualTo("R/P14D");
    assertThat(timers.getSelfAssessmentIdle()).isEqualTo("P90D");
    assertThat(timers.getClarificationReminder()).isEqualTo("P7D");
    assertThat(timers.getClarificationEscalation()).isEqualTo("P21D");
    assertThat(timers.getAppealWindow()).isEqualTo("P28D");
    assertThat(timers.getAnnualReturnInterval()).isEqualTo("P12M");
    assertThat(timers.getAnnualReturnOverdue()).isEqualTo("P90D");
    assertThat(timers.getReassessmentReminders()).isEqualTo("P60D,P30D,P7D");
    assertThat(timers.getTrainingFollowUpInterval()).isEqualTo("P3M");
    assertThat(timers.getFrameworkReview()).isEqualTo("R/P1Y");
    assertThat(timers.getSuspensionCure()).isEqualTo("P90D");
    assertThat(timers.getReassessmentGrace()).isEqualTo("P6M");
  }

  @ParameterizedTest
  @ValueSource(strings = {"R/P14D", "R3/PT1H", "R/PT5M", "R12/P1DT12H"})
  void shouldAcceptRepeatingCycles(String value) {
    // when / then
    assertThat(Timers.cycle("payment-reminder", value)).isEqualTo(value);
  }

  @Test
  void shouldTrimACycle() {
    // when / then
    assertThat(Timers.cycle("payment-reminder", " R/P14D ")).isEqualTo("R/P14D");
  }

  @ParameterizedTest
  @ValueSource(strings = {"P14D", "banana", "R/banana", "R/", "RR/P1D", "R-1/P1D"})
  void shouldRejectWhatIsNoCycle(String value) {
    // when / then
    assertThatThrownBy(() -> Timers.cycle("payment-reminder", value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("equitymark.timers.payment-reminder");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void shouldRejectAMissingCycle(String value) {
    // when / then
    assertThatThrownBy(() -> Timers.cycle("self-assessment-reminder", value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("equitymark.timers.self-assessment-reminder");
  }

  @ParameterizedTest
  @ValueSource(strings = {"P60D", "PT5M", "P90D", "PT1H30M", "P1Y2M"})
  void shouldAcceptDurations(String value) {
    // when / then
    assertThat(Timers.duration("payment-lapse", value)).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"banana", "60", "60D", "P", "PT", "R/P14D", "P1.5D"})
  void shouldRejectWhatIsNoDuration(String value) {
    // when / then
    assertThatThrownBy(() -> Timers.duration("payment-lapse", value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("equitymark.timers.payment-lapse")
        .hasMessageContaining(value);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void shouldRejectAMissingDuration(String value) {
    // when / then
    assertThatThrownBy(() -> Timers.duration("self-assessment-idle", value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("equitymark.timers.self-assessment-idle")
        .hasMessageContaining("must be set");
  }

  @Test
  void shouldNameThePropertyWhenTheConstructorRejectsAValue() {
    // when / then
    assertThatThrownBy(() -> new Timers(new TimerProperties("R/P14D", "P60D", "P14D", "P90D", "P7D", "P21D", "P28D", "P12M", "P30D", "R/P14D", "P90D", "P90D", "P60D,P30D,P7D", "P3M", "P30D", "R/P1Y", "P90D", "P6M")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("equitymark.timers.self-assessment-reminder")
        .hasMessageContaining("P14D");
    assertThatThrownBy(() -> new Timers(new TimerProperties("R/P14D", "P60D", "R/P14D", "banana", "P7D", "P21D", "P28D", "P12M", "P30D", "R/P14D", "P90D", "P90D", "P60D,P30D,P7D", "P3M", "P30D", "R/P1Y", "P90D", "P6M")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("equitymark.timers.self-assessment-idle");
  }
}
