package org.equitymark.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dynamic parts of Camunda Forms as the portal fills them in: a dynamic list's row is {@code this}. */
class FormTextsTests {

  @Test
  void shouldReadARowsOwnValuesAsThis() {
    Map<String, Object> row = Map.of("this", Map.of("indicatorId", "leadership.foundation.1", "area", "leadership"));

    assertThat(FormTexts.evaluate("=this.indicatorId", row)).isEqualTo("leadership.foundation.1");
    assertThat(FormTexts.isTrue("=this.indicatorId = null", Map.of("this", Map.of()))).isTrue();
  }

  @Test
  void shouldFillNestedConditionsFromTheInsideOut() {
    String template = "{{#if this.area != null}}in {{#if this.area = \"leadership\"}}Leadership{{/if}}"
        + "{{#if this.area = \"workforce\"}}Workforce{{/if}}{{else}}no area{{/if}}";

    assertThat(FormTexts.plain(template, Map.of("this", Map.of("area", "leadership")))).isEqualTo("in Leadership");
    assertThat(FormTexts.plain(template, Map.of("this", Map.of()))).isEqualTo("no area");
  }

  @Test
  void shouldKeepAValuesLinesAsLinesAndItsMarkdownAsText() {
    String html = FormTexts.html("{{text}}", Map.of("text", "First *line*\r\nSecond <b>line</b>\n\nNew paragraph"));

    assertThat(html).isEqualTo("<p>First *line*<br />\nSecond &lt;b&gt;line&lt;/b&gt;</p>\n<p>New paragraph</p>\n");
  }
}
