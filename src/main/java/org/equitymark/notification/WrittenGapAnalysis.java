package org.equitymark.notification;

import static org.equitymark.process.CertificationProcess.GAP_ANALYSIS;
import static org.equitymark.process.CertificationProcess.GAP_ANALYSIS_TEXT;

import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** {@code gapAnalysisText} in a mail's language, written from the case's {@code gapAnalysis} JSON (the text is English). */
@Component
class WrittenGapAnalysis implements WrittenValues {

  private final NotificationTemplates templates;

  WrittenGapAnalysis(NotificationTemplates templates) {
    this.templates = templates;
  }

  @Override
  public Optional<String> value(String name, DelegateExecution execution, Locale locale) {
    Object json = GAP_ANALYSIS_TEXT.name().equals(name) ? execution.getVariable(GAP_ANALYSIS.name()) : null;
    return json == null ? Optional.empty() : Optional.ofNullable(templates.gapAnalysisText(String.valueOf(json), locale));
  }
}
