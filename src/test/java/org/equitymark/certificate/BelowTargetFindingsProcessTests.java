package org.equitymark.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equitymark.process.CertificationProcess.Elements.APPROVE_CERTIFICATION;
import static org.equitymark.process.CertificationProcess.Elements.ASSESS_EVIDENCE;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Attachment;
import org.equitymark.support.ProcessTestSupport;
import org.equitymark.support.TestMailServer;
import org.junit.jupiter.api.Test;

/**
 * A case certified below its target gets the assessor's findings per area, as those not certified
 * get their feedback report: a document on the case and a paragraph of the certificate's mail, in
 * the case's language; a case certified at its target gets neither.
 */
class BelowTargetFindingsProcessTests extends ProcessTestSupport {

  @Test
  void shouldGiveAWelshCaseCertifiedBelowItsTargetTheFindingsInWelsh() throws Exception {
    // given a Welsh case aiming at Developing, whose assessor confirms Foundation only
    String email = uniqueEmail();
    ProcessInstance instance = caseReadyForAssessment(newApplicant(), email, "developing", allIndicatorsUpTo("developing"));
    runtimeService.setVariable(instance.getId(), "preferredLanguage", "cy");

    // when it is certified
    complete(leadAssessor(instance), instance, ASSESS_EVIDENCE, assessment(false, allIndicatorsUpTo("foundation")));
    reviewAsPanel(instance);
    complete("panel1", instance, APPROVE_CERTIFICATION, Map.of("panelDecision", "approve"));
    runAsyncJobs();

    // then the findings are on the case, and the mail gives the level per area in Welsh
    List<Attachment> documents = taskService.getProcessInstanceAttachments(instance.getId());
    assertThat(documents).extracting(Attachment::getName).contains("findings-" + instance.getBusinessKey() + ".pdf");
    String mail = TestMailServer.to(email).stream().filter(m -> subject(m).contains("Sylfaen")).findFirst()
        .orElseThrow().getContent().toString();
    assertThat(mail).contains("Mae hyn yn is na'ch lefel darged", "- Arweinyddiaeth, llywodraethu ac atebolrwydd: Sylfaen",
        "- Monitro, canlyniadau ac adborth: Sylfaen").doesNotContain("Leadership", "Foundation");
  }

  @Test
  void shouldGiveNoFindingsToACaseCertifiedAtItsTarget() throws Exception {
    // given / when
    String email = uniqueEmail();
    ProcessInstance instance = decidedCase(newApplicant(), email, "foundation", allIndicatorsUpTo("foundation"));

    // then
    assertThat(taskService.getProcessInstanceAttachments(instance.getId())).extracting(Attachment::getName)
        .noneMatch(name -> name.startsWith("findings-"));
    assertThat(TestMailServer.to(email).stream().filter(m -> subject(m).contains("certified")).findFirst()
        .orElseThrow().getContent().toString()).doesNotContain("below your target");
  }

  private static String subject(jakarta.mail.internet.MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
