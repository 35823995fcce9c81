package org.equitymark.submission;

import org.springframework.web.util.HtmlUtils;

/**
 * Text a person wrote, made safe to show inside a Camunda Forms text view. A text view evaluates its
 * template, renders the result as Markdown and sanitises the HTML (form-js {@code Text}): a value put
 * in as it is would show {@code <b>} or {@code **} as formatting, and a link as a link. Here every
 * Markdown punctuation mark is escaped with a backslash and HTML's special characters become
 * entities, so the reader sees exactly the characters that were written.
 */
public final class FormText {

  private static final String MARKDOWN_PUNCTUATION = "\\`*_{}[]()#+-.!|~=:";

  private FormText() {
  }

  /** The text as literal Markdown: shown as written, never as formatting or markup. */
  public static String literal(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (char c : text.toCharArray()) {
      if (MARKDOWN_PUNCTUATION.indexOf(c) >= 0) {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    return HtmlUtils.htmlEscape(escaped.toString());
  }
}
