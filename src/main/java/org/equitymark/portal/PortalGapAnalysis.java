package org.equitymark.portal;

import static org.equitymark.process.CertificationProcess.GAP_ANALYSIS;
import static org.equitymark.process.CertificationProcess.GAP_ANALYSIS_TEXT;

import java.util.Locale;
import java.util.Map;
import org.equitymark.notification.NotificationTemplates;
import org.springframework.stereotype.Component;

/**
 * The gap analysis in the page's language: {@code gapAnalysisText} is written in English when scoring runs; a Welsh
 * page shows it written afresh in Welsh from the case's {@code gapAnalysis} JSON, as a Welsh mail does
 * ({@link NotificationTemplates#gapAnalysisText}).
 */
@Component
class PortalGapAnalysis {

  private final NotificationTemplates templates;

  PortalGapAnalysis(NotificationTemplates templates) {
    this.templates = templates;
  }

  /** Replaces {@code gapAnalysisText} in the case's or task's values when the page is not English. */
  void inLanguage(Map<String, Object> values, Locale locale) {
    Object json = values.get(GAP_ANALYSIS.name());
    if ("en".equals(locale.getLanguage()) || json == null || !values.containsKey(GAP_ANALYSIS_TEXT.name())) {
      return;
    }
    String written = templates.gapAnalysisText(String.valueOf(json), locale);
    if (written != null) {
      values.put(GAP_ANALYSIS_TEXT.name(), written);
    }
  }
}
