package org.equitymark.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.equitymark.process.CertificationProcess.Elements.CONFIRM_PAYMENT;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.equitymark.support.ProcessTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A refused submission is one line in the log, at INFO, with the activity and the fields, not their values. */
@ExtendWith(OutputCaptureExtension.class)
class RefusedSubmissionLogTests extends ProcessTestSupport {

  /** The engine's command-context logger, silenced in the test profile, at its production level here. */
  private static final String ENGINE_CONTEXT = "org.camunda.bpm.engine.context";

  @Autowired LoggingSystem loggingSystem;

  @BeforeEach
  void logTheEngineAsInProduction() {
    loggingSystem.setLogLevel(ENGINE_CONTEXT, LogLevel.INFO);
  }

  @AfterEach
  void silenceTheEngineAgain() {
    loggingSystem.setLogLevel(ENGINE_CONTEXT, LogLevel.OFF);
  }

  @Test
  void shouldLogARefusedSubmissionAsOneLineWithoutTheValuesSent(CapturedOutput output) {
    // given a case waiting for finance
    ProcessInstance instance = register(newApplicant(), registration(uniqueEmail()));
    runAsyncJobs();
    int before = output.getOut().length();

    // when finance sends a field of another form with a free-text value
    assertThatThrownBy(() -> complete("finance1", instance, CONFIRM_PAYMENT,
        Map.of("paymentReceived", true, "paymentReference", "BACS SECRET-REF-42", "organisationId", "9999")))
        .isInstanceOf(InvalidSubmissionException.class);

    // then one INFO line names the activity and the field, and nothing of the values or a stack trace
    String logged = output.getOut().substring(before);
    assertThat(logged.lines().filter(line -> line.contains("Refused"))).singleElement().asString()
        .contains("INFO").contains("Refused submission for confirmPayment: fields [organisationId]");
    assertThat(logged).doesNotContain("ENGINE-16004").doesNotContain("SECRET-REF-42").doesNotContain("9999")
        .doesNotContain("InvalidSubmissionException").doesNotContain("\tat org.");
  }

  @Test
  void shouldStillLogAFailedCommandThatIsNotARefusalAtError(CapturedOutput output) {
    // given
    int before = output.getOut().length();

    // when a command fails for another reason than a refusal
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByMessage("NoSuchMessageEver"));

    // then the engine still reports it at ERROR
    assertThat(output.getOut().substring(before)).contains("ERROR").contains("ENGINE-16004");
  }
}
