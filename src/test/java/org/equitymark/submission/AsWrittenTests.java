package org.equitymark.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equitymark.process.CertificationProcess.Elements.CONFIRM_PAYMENT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.equitymark.support.ProcessTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.util.HtmlUtils;

/**
 * People's text reaches a form's text view only as {@code asWritten}, a literal copy: markup and
 * Markdown a person typed are shown as the characters they typed.
 */
class AsWrittenTests extends ProcessTestSupport {

  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([^}#/][^}]*?)\\s*}}");

  @ParameterizedTest
  @ValueSource(strings = {"<img src=x onerror=alert(1)>", "**bold** and [link](javascript:alert(1))"})
  void shouldGiveEveryTaskTheTextPeopleTypedAsWritten(String typed) throws IOException {
    // given a case where every text a form shows was typed as markup or Markdown
    ProcessInstance instance = register(newApplicant(), registration(uniqueEmail()));
    AsWritten.PEOPLES_TEXT.forEach(name -> runtimeService.setVariable(instance.getId(), name, typed));

    // when its first task is created
    runAsyncJobs();
    Task payment = task(instance, CONFIRM_PAYMENT);

    // then the task's asWritten holds a literal copy of each, and the case keeps what was typed
    SerializableValue json = taskService.getVariableLocalTyped(payment.getId(), AsWritten.VARIABLE, false);
    JsonNode asWritten = new ObjectMapper().readTree(json.getValueSerialized());
    for (String name : AsWritten.PEOPLES_TEXT) {
      String shown = asWritten.path(name).asText();
      assertThat(shown).as(name).isEqualTo(FormText.literal(typed))
          .doesNotContain("<", "**", "](");
      assertThat(unescapeMarkdown(HtmlUtils.htmlUnescape(shown))).as(name).isEqualTo(typed);
      assertThat(runtimeService.getVariable(instance.getId(), name)).as(name).isEqualTo(typed);
    }
  }

  @Test
  void shouldShowPeoplesTextInFormsOnlyAsWritten() throws IOException {
    // given every text view of every form
    File[] forms = new File("forms").listFiles((dir, name) -> name.endsWith(".form"));
    assertThat(forms).isNotEmpty();
    List<String> bare = new ArrayList<>();
    int literal = 0;
    for (File form : forms) {
      for (JsonNode text : new ObjectMapper().readTree(form).findValues("text")) {
        Matcher inserts = TEMPLATE.matcher(text.asText());
        while (inserts.find()) {
          String inserted = inserts.group(1);
          // then no template inserts a person's text bare, only its literal copy
          if (AsWritten.PEOPLES_TEXT.contains(inserted)) {
            bare.add(form.getName() + ": {{" + inserted + "}}");
          }
          if (inserted.startsWith(AsWritten.VARIABLE + ".")) {
            assertThat(AsWritten.PEOPLES_TEXT).as(form.getName()).contains(inserted.substring(AsWritten.VARIABLE.length() + 1));
            literal++;
          }
        }
      }
    }
    assertThat(bare).as("people's text inserted bare").isEmpty();
    assertThat(literal).isPositive();
  }

  private static String unescapeMarkdown(String text) {
    return text.replaceAll("\\\\(.)", "$1");
  }
}
