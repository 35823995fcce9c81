package org.equitymark.feedback;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.spin.Spin;
import org.equitymark.certificate.Certificate;
import org.equitymark.certificate.Certificates;
import org.equitymark.submission.FormText;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/**
 * Puts public feedback before the scheme managers: a {@code feedback-triage} instance per piece,
 * started in the transaction that records it. The form shows the message as literal Markdown, so
 * markup in it reads as text.
 */
@Service
public class FeedbackTriageStarter {

  private static final ZoneId ZONE = ZoneId.of("Europe/London");

  private final Certificates certificates;
  private final RuntimeService runtimeService;

  public FeedbackTriageStarter(Certificates certificates, RuntimeService runtimeService) {
    this.certificates = certificates;
    this.runtimeService = runtimeService;
  }

  /** Starts the triage of feedback just recorded, in the transaction that records it. */
  public void start(Feedback received) {
    long id = received.id();
    String organisation = certificates.find(received.certificateNumber())
        .map(FeedbackTriageStarter::organisation).orElse("");
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put("submitterType", received.submitterType());
    shown.put("receivedOn", LocalDate.ofInstant(received.receivedAt(), ZONE).toString());
    shown.put("organisation", FormText.literal(organisation));
    shown.put("message", FormText.literal(HtmlUtils.htmlUnescape(received.message())));
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(FeedbackTriageProcess.FEEDBACK_ID.name(), id);
    variables.put(FeedbackTriageProcess.CERTIFICATE_NUMBER.name(), received.certificateNumber());
    variables.put(FeedbackTriageProcess.ORGANISATION_NAME.name(), organisation);
    variables.put(FeedbackTriageProcess.FEEDBACK.name(),
        FeedbackTriageProcess.FEEDBACK.typed(new org.equitymark.process.Variable.JsonText(Spin.JSON(shown).toString())));
    runtimeService.startProcessInstanceByKey(FeedbackTriageProcess.KEY, FeedbackTriageProcess.businessKey(id), variables);
  }

  private static String organisation(Certificate certificate) {
    return certificate.workplaceArea() == null || certificate.workplaceArea().isBlank()
        ? certificate.organisationName()
        : certificate.organisationName() + ", " + certificate.workplaceArea();
  }
}
