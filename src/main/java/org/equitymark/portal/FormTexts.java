package org.equitymark.portal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The dynamic parts of Camunda Forms on the server: FEEL expressions ({@code conditional.hide},
 * {@code =…} values) with Camunda's own FEEL engine, and the text views' templates
 * ({@code {{name}}}, {@code {{#if …}}…{{else}}…{{/if}}}) rendered as Markdown with raw HTML escaped
 * and unsafe links dropped, so no value of a case reaches the page as markup.
 */
final class FormTexts {

  private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();
  private static final Parser MARKDOWN = Parser.builder().build();
  private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
  /** An innermost condition (no other inside it): nested ones are filled from the inside out. */
  private static final Pattern IF = Pattern.compile(
      "\\{\\{#if ([^}]+)}}((?:(?!\\{\\{#if).)*?)(?:\\{\\{else}}((?:(?!\\{\\{#if).)*?))?\\{\\{/if}}", Pattern.DOTALL);
  private static final Pattern INSERT = Pattern.compile("\\{\\{([^#/}][^}]*)}}");

  private FormTexts() {
  }

  /** A FEEL expression ({@code =…} or bare) against the variables; null when it fails. */
  static Object evaluate(String expression, Map<String, Object> variables) {
    String feel = expression.startsWith("=") ? expression.substring(1) : expression;
    EvaluationResult result = FEEL.evaluateExpression(feel, variables);
    return result.isSuccess() ? result.result() : null;
  }

  static boolean isTrue(String expression, Map<String, Object> variables) {
    return Boolean.TRUE.equals(evaluate(expression, variables));
  }

  /** A text view's Markdown with its template filled in, as safe HTML. */
  static String html(String template, Map<String, Object> variables) {
    Node document = MARKDOWN.parse(fill(template, variables, FormTexts::literal));
    document.accept(BELOW_THE_PAGE_TITLE);
    return HTML.render(document);
  }

  /** A label's template filled in, as plain text (the page escapes it). */
  static String plain(String template, Map<String, Object> variables) {
    return fill(template, variables, value -> value == null ? "" : String.valueOf(value));
  }

  private static String fill(String template, Map<String, Object> variables, Function<Object, String> insert) {
    String text = template == null ? "" : template;
    if (text.startsWith("=")) {
      Object value = evaluate(text, variables);
      text = value == null ? "" : String.valueOf(value);
    }
    for (Matcher conditions = IF.matcher(text); conditions.find(); conditions = IF.matcher(text)) {
      StringBuilder filled = new StringBuilder();
      do {
        String chosen = isTrue(conditions.group(1), variables) ? conditions.group(2)
            : (conditions.group(3) == null ? "" : conditions.group(3));
        conditions.appendReplacement(filled, Matcher.quoteReplacement(chosen));
      } while (conditions.find());
      conditions.appendTail(filled);
      text = filled.toString();
    }
    Matcher inserts = INSERT.matcher(text);
    StringBuilder done = new StringBuilder();
    while (inserts.find()) {
      Object value = evaluate(inserts.group(1).strip(), variables);
      inserts.appendReplacement(done, Matcher.quoteReplacement(insert.apply(value)));
    }
    inserts.appendTail(done);
    return done.toString();
  }

  /** The page's own h1 names the task, so a form's headings start at h2 (# becomes h2, ## h3). */
  private static final AbstractVisitor BELOW_THE_PAGE_TITLE = new AbstractVisitor() {
    @Override
    public void visit(Heading heading) {
      heading.setLevel(Math.min(6, heading.getLevel() + 1));
      visitChildren(heading);
    }
  };

  /**
   * A value inserted into Markdown as plain text: every Markdown character escaped; its lines kept as
   * lines (a blank line starts a paragraph, a single line break stays a break), as a reader of
   * text written over several lines expects.
   */
  static String literal(Object value) {
    if (value == null) {
      return "";
    }
    String text = value instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList())
        : String.valueOf(value);
    return text.replaceAll("([\\\\`*_{}\\[\\]()#+\\-.!<>|~&])", "\\\\$1")
        .replaceAll("\\r\\n?", "\n").replaceAll("(?<!\\n)\\n(?!\\n)", "\\\\\n");
  }
}
