package org.equitymark.selfassessment;

import static org.equitymark.process.CertificationProcess.CLAIM_STATEMENTS;
import static org.equitymark.process.CertificationProcess.CLAIM_SUMMARY;
import static org.equitymark.process.CertificationProcess.CLARIFICATION_INDICATOR;
import static org.equitymark.process.CertificationProcess.CLARIFICATION_INDICATOR_TEXT;
import static org.equitymark.process.CertificationProcess.INDICATOR_OPTIONS;
import static org.equitymark.process.CertificationProcess.FRAMEWORK_VERSION;
import static org.equitymark.process.CertificationProcess.INDICATOR_GUIDE;
import static org.equitymark.process.CertificationProcess.PREFERRED_LANGUAGE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.equitymark.framework.EvidenceFramework;
import org.equitymark.framework.EvidenceFramework.Area;
import org.equitymark.framework.EvidenceFramework.Indicator;
import org.equitymark.framework.Frameworks;
import org.equitymark.framework.Level;
import org.equitymark.process.CertificationProcess;
import org.equitymark.process.Variable;
import org.equitymark.process.Variable.JsonText;
import org.equitymark.submission.FormText;
import org.springframework.stereotype.Component;

/**
 * {@code showIndicators}, on creation of every task whose form lists indicators
 * ({@code completeSelfAssessment}, {@code reviewSelfAssessment}, {@code assessEvidence},
 * {@code provideClarification}): the
 * indicators of the case's framework version, in the case's language ({@code preferredLanguage}), as
 * task-local Spin JSON variables the forms read, so that no indicator text lives in a {@code .form}
 * file and a new version needs no form edit: per area the checklist options
 * ({@code {area}IndicatorOptions}, a checklist's {@code valuesKey}), and, for text views,
 * {@code indicatorGuide} (each indicator with its guidance and examples of evidence) and
 * {@code claimSummary} (each indicator claimed or not) and {@code claimStatements} (each claim with its
 * indicator's text and the applicant's statement and links, those as written); all indicators as {@code indicatorOptions} (the
 * assessor's choice of {@code clarificationIndicator}), and that indicator's text and guidance as
 * {@code clarificationIndicatorText} when the assessor asked about one. Plain text, no Markdown: Tasklist renders
 * a text view's inserted values as Markdown, the portal shows them as written.
 */
@Component("showIndicators")
class ShowIndicatorsListener implements TaskListener {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Frameworks frameworks;

  ShowIndicatorsListener(Frameworks frameworks) {
    this.frameworks = frameworks;
  }

  @Override
  public void notify(DelegateTask task) {
    EvidenceFramework framework = frameworks.ofCase(FRAMEWORK_VERSION.get(task));
    String language = PREFERRED_LANGUAGE.get(task);
    Map<String, List<String>> claimed = CertificationProcess.claimedByArea(task);
    Map<String, String> guide = new LinkedHashMap<>();
    Map<String, String> summary = new LinkedHashMap<>();
    List<Map<String, String>> allOptions = new ArrayList<>();
    for (Area area : framework.areas()) {
      List<Map<String, String>> options = new ArrayList<>();
      List<String> guideParagraphs = new ArrayList<>();
      List<String> summaryLines = new ArrayList<>();
      for (Indicator indicator : area.indicators()) {
        String label = levelName(framework, indicator, language) + ": " + indicator.text(language);
        options.add(Map.of("value", indicator.id(), "label", label));
        allOptions.add(Map.of("value", indicator.id(), "label", indicator.id() + ", " + label));
        guideParagraphs.add(guideParagraph(indicator, label, language));
        boolean isClaimed = claimed.getOrDefault(area.id(), List.of()).contains(indicator.id());
        summaryLines.add(claimMark(isClaimed, language) + indicator.id() + ", " + label);
      }
      set(task, CertificationProcess.indicatorOptions(area.id()), options);
      guide.put(area.id(), String.join("\n\n", guideParagraphs));
      summary.put(area.id(), String.join("\n\n", summaryLines));
    }
    set(task, INDICATOR_OPTIONS, allOptions);
    set(task, INDICATOR_GUIDE, guide);
    String asked = CLARIFICATION_INDICATOR.get(task);
    if (asked != null) {
      framework.indicator(asked).ifPresent(indicator -> task.setVariableLocal(CLARIFICATION_INDICATOR_TEXT.name(),
          shortened(guideParagraph(indicator, levelName(framework, indicator, language) + ": "
              + indicator.text(language), language))));
    }
    set(task, CLAIM_SUMMARY, summary);
    set(task, CLAIM_STATEMENTS, statements(task, framework, language));
  }

  /**
   * Per area, each claim: the indicator's id and text, then the applicant's statement and links as written (a
   * {@link FormText#literal} copy: a text view shows them, never as Markdown or HTML).
   */
  private static Map<String, String> statements(DelegateTask task, EvidenceFramework framework, String language) {
    boolean welsh = EvidenceFramework.WELSH.equals(language);
    Map<String, String> statements = new LinkedHashMap<>();
    for (Area area : framework.areas()) {
      JsonText json = CertificationProcess.claims(area.id()).get(task);
      List<String> paragraphs = new ArrayList<>();
      Claims.parse(json == null ? "[]" : json.json()).ifPresent(claims -> claims.rows().forEach(claim -> {
        String label = framework.indicator(claim.indicator())
            .map(indicator -> levelName(framework, indicator, language) + ": " + indicator.text(language)).orElse("");
        StringBuilder paragraph = new StringBuilder(claim.indicator()).append(", ").append(label)
            .append('\n').append(welsh ? "Datganiad: " : "Statement: ").append(FormText.literal(claim.statement()));
        if (!claim.links().isBlank()) {
          paragraph.append('\n').append(welsh ? "Dolenni: " : "Links: ").append(FormText.literal(claim.links()));
        }
        paragraphs.add(paragraph.toString());
      }));
      statements.put(area.id(), String.join("\n\n", paragraphs));
    }
    return statements;
  }

  private static String guideParagraph(Indicator indicator, String label, String language) {
    StringBuilder paragraph = new StringBuilder(indicator.id()).append(", ").append(label);
    if (!indicator.guidance(language).isBlank()) {
      paragraph.append('\n').append(EvidenceFramework.WELSH.equals(language) ? "Arweiniad: " : "Guidance: ")
          .append(indicator.guidance(language));
    }
    List<String> examples = indicator.evidenceExamples(language);
    if (!examples.isEmpty()) {
      paragraph.append('\n').append(EvidenceFramework.WELSH.equals(language)
          ? "Enghreifftiau o dystiolaeth: " : "Examples of evidence: ").append(String.join("; ", examples));
    }
    return paragraph.toString();
  }

  /** At most what a string variable holds. */
  private static String shortened(String text) {
    return text.length() <= 3900 ? text : text.substring(0, 3899) + "…";
  }

  private static String claimMark(boolean claimed, String language) {
    boolean welsh = EvidenceFramework.WELSH.equals(language);
    return claimed ? (welsh ? "✅ wedi'i hawlio: " : "✅ claimed: ") : (welsh ? "⬜ heb ei hawlio: " : "⬜ not claimed: ");
  }

  private static String levelName(EvidenceFramework framework, Indicator indicator, String language) {
    return framework.levelDescription(indicator.level()).map(d -> d.name(language))
        .orElse(indicator.levelValue().displayName());
  }

  private static void set(DelegateTask task, Variable<JsonText> variable, Object value) {
    try {
      task.setVariableLocal(variable.name(), variable.typed(new JsonText(JSON.writeValueAsString(value))));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write " + variable.name() + " as JSON", e);
    }
  }
}
