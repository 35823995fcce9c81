package org.equitymark.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equitymark.process.CertificationProcess.Elements.COMPLETE_SELF_ASSESSMENT;
import static org.equitymark.process.CertificationProcess.Elements.CONFIRM_PAYMENT;
import static org.equitymark.process.CertificationProcess.Elements.REVIEW_SELF_ASSESSMENT;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.equitymark.support.ProcessTestSupport;
import org.equitymark.support.TestMailServer;
import org.junit.jupiter.api.Test;

/** The applicant's {@code preferredLanguage} picks the language of every mail, through the real model. */
class WelshNotificationProcessTests extends ProcessTestSupport {

  @Test
  void shouldWriteToAWelshApplicantInWelsh() throws Exception {
    // given
    String email = uniqueEmail();
    Map<String, Object> registration = registration(email);
    registration.put("preferredLanguage", "cy");

    // when
    ProcessInstance instance = register(newApplicant(), registration);
    runAsyncJobs();

    // then
    List<MimeMessage> mails = TestMailServer.to(email);
    assertThat(mails).hasSize(1);
    assertThat(mails.get(0).getSubject())
        .isEqualTo("Cais EquityMark " + instance.getBusinessKey() + ": eich anfoneb "
            + runtimeService.getVariable(instance.getId(), "invoiceNumber"));
    assertThat(mails.get(0).getContent().toString()).startsWith("Annwyl Dana Fox,")
        .contains("Cyfeirnod eich cais yw " + instance.getBusinessKey(), "Diolch am gofrestru")
        .doesNotContain("Dear ");
  }

  @Test
  void shouldKeepWritingInWelshAsTheCaseMovesOn() throws Exception {
    // given
    String email = uniqueEmail();
    Map<String, Object> registration = registration(email);
    registration.put("preferredLanguage", "cy");
    ProcessInstance instance = register(newApplicant(), registration);
    runAsyncJobs();

    // when
    complete("finance1", instance, CONFIRM_PAYMENT, Map.of("paymentReceived", true, "paymentReference", "BACS 7"));
    runAsyncJobs();

    // then
    assertThat(TestMailServer.subjectsTo(email)).hasSize(2)
        .last().asString().endsWith(": mae eich hunanasesiad ar agor");
    // with the target level in Welsh, a link to the portal, and answers going to a person
    MimeMessage invitation = TestMailServer.to(email).get(1);
    assertThat(invitation.getContent().toString()).contains("(Datblygu)", "yn y porth: http", "/portal/")
        .doesNotContain("developing", "Tasklist");
    assertThat(invitation.getReplyTo()).extracting(Object::toString).singleElement().asString()
        .contains("schemes@equitymark.org.uk");
  }

  @Test
  void shouldWriteTheGapAnalysisOfAWelshCaseInWelsh() throws Exception {
    // given a Welsh case aiming at Developing with only the Foundation indicators claimed
    String email = uniqueEmail();
    String applicant = newApplicant();
    Map<String, Object> registration = registration(email);
    registration.put("preferredLanguage", "cy");
    registration.put("targetLevel", "developing");
    ProcessInstance instance = register(applicant, registration);
    runAsyncJobs();
    complete("finance1", instance, CONFIRM_PAYMENT, Map.of("paymentReceived", true, "paymentReference", "BACS 8"));
    runAsyncJobs();
    complete(applicant, instance, COMPLETE_SELF_ASSESSMENT, selfAssessment(allIndicatorsUpTo("foundation")));

    // when the support officer sends advice
    complete("support1", instance, REVIEW_SELF_ASSESSMENT,
        Map.of("readyForAssessment", false, "supportAdvice", "Ychwanegwch eich cynllun strategol."));
    runAsyncJobs();

    // then the gap analysis names the areas and levels in Welsh, the indicators by id
    MimeMessage advice = TestMailServer.to(email).get(TestMailServer.to(email).size() - 1);
    assertThat(advice.getSubject()).endsWith(": cyngor ar eich hunanasesiad");
    assertThat(advice.getContent().toString())
        .contains("**Arweinyddiaeth, llywodraethu ac atebolrwydd**", "**Y gweithlu a hyfforddiant**",
            "- Datblygu (leadership.developing.1): ")
        .doesNotContain("Leadership, governance and accountability", "Workforce and training", "- Developing (");
  }

  @Test
  void shouldWriteToAnEnglishApplicantInEnglish() throws Exception {
    // given
    String email = uniqueEmail();

    // when
    register(newApplicant(), registration(email));
    runAsyncJobs();

    // then
    assertThat(TestMailServer.to(email)).singleElement()
        .satisfies(mail -> assertThat(mail.getContent().toString()).startsWith("Dear Dana Fox,"));
  }
}
