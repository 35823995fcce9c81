package org.equitymark.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.equitymark.certificate.Certificates;
import org.equitymark.numbering.SequenceNumbers;
import org.equitymark.process.CertificationProcess;
import org.equitymark.registration.Organisations;
import org.equitymark.support.FormClient;
import org.equitymark.support.HttpTestSupport;
import org.equitymark.support.TestCertificates;
import org.equitymark.support.TestMailServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * /portal/colleagues over HTTP: the organisation's people listed, a colleague invited by email who
 * joins the organisation by the mailed one-time link; bad input, another organisation and a flood
 * refused with nothing sent. Each test on a day of its own on the engine's clock, for the limits.
 */
class PortalColleaguesIntegrationTests extends HttpTestSupport {

  private static final Pattern LINK = Pattern.compile("/apply/activate\\?token=([A-Za-z0-9_-]{43})");

  @Autowired Organisations organisations;
  @Autowired SequenceNumbers numbers;
  @Autowired Certificates certificates;
  @Autowired PlatformTransactionManager transactionManager;

  /** A new organisation with one applicant, logged in to the portal; the organisation's id. */
  private String organisationWith(String applicantId, PortalSession browser) {
    String number = TestCertificates.certify("Colleagues Trust " + applicantId, organisations, numbers, certificates,
        transactionManager);
    String organisationId = certificates.find(number).orElseThrow().organisationId();
    user(applicantId, "applicants", CertificationProcess.organisationGroup(organisationId));
    browser.logIn(applicantId, "secret-" + applicantId);
    return organisationId;
  }

  @Test
  void shouldInviteAColleagueWhoJoinsTheOrganisationByTheMailedLink() {
    on(-1300, () -> {
      // given
      PortalSession contact = new PortalSession(port);
      String organisationId = organisationWith("colleagues-a", contact);
      String email = "sam.colleague." + System.nanoTime() + "@example.org";

      // when the contact invites a colleague
      PortalSession.Page listed = contact.get(PortalColleaguesController.PATH);
      PortalSession.Page sent = contact.post(PortalColleaguesController.PATH, PortalColleaguesController.PATH,
          invitation(organisationId, "Sam Colleague", email));

      // then a one-time link is mailed, and no account exists yet
      assertThat(listed.status()).isEqualTo(200);
      assertThat(listed.body()).contains("Colleagues Trust colleagues-a", "colleagues-a", "Invite a colleague");
      assertThat(sent.status()).as(sent.body()).isEqualTo(303);
      assertThat(TestMailServer.subjectsTo(email)).hasSize(1);
      assertThat(identityService.createUserQuery().userEmail(email).count()).isZero();

      // when the colleague follows it and chooses a password
      String token = linkIn(email);
      FormClient colleague = new FormClient(port);
      assertThat(colleague.get("/apply/activate?token=" + token).status()).isEqualTo(200);
      FormClient.Page activated = colleague.post("/apply/activate",
          colleague.withToken(Map.of("token", token, "password", "Civic-Lantern-42")), "application/json");

      // then the colleague is an applicant of the organisation, listed for the contact
      assertThat(activated.status()).as(activated.body()).isEqualTo(200);
      String userId = activated.json().get("userId").asText();
      assertThat(identityService.createUserQuery().userId(userId)
          .memberOfGroup(CertificationProcess.organisationGroup(organisationId)).count()).isOne();
      assertThat(identityService.createUserQuery().userId(userId).memberOfGroup("applicants").count()).isOne();
      assertThat(contact.get(PortalColleaguesController.PATH).body()).contains("Sam Colleague", email);
    });
  }

  @Test
  void shouldNotLetAnotherOrganisationInviteIntoTheFirstNorSendBadInput() {
    on(-1400, () -> {
      // given two organisations
      PortalSession first = new PortalSession(port);
      String firstId = organisationWith("colleagues-first", first);
      PortalSession second = new PortalSession(port);
      organisationWith("colleagues-second", second);
      String email = "intruder." + System.nanoTime() + "@example.org";

      // when the second's member invites into the first, and sends markup and a wrong address
      PortalSession.Page foreign = second.post(PortalColleaguesController.PATH, PortalColleaguesController.PATH,
          invitation(firstId, "Ivy Intruder", email));
      PortalSession.Page bad = first.post(PortalColleaguesController.PATH, PortalColleaguesController.PATH,
          invitation(firstId, "<script>alert(1)</script>", "not-an-address"));
      PortalSession.Page noToken = first.postWithoutToken(PortalColleaguesController.PATH,
          invitation(firstId, "No Token", email));
      PortalSession.Page listedBySecond = second.get(PortalColleaguesController.PATH);

      // then nothing is sent, the second sees nothing of the first, and what was typed comes back escaped
      assertThat(foreign.status()).isEqualTo(404);
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.body()).contains("There is a problem", "&lt;script&gt;alert(1)&lt;/script&gt;")
          .doesNotContain("<script>alert");
      assertThat(noToken.status()).isEqualTo(403);
      assertThat(TestMailServer.to(email)).isEmpty();
      assertThat(TestMailServer.to("not-an-address")).isEmpty();
      assertThat(listedBySecond.body()).doesNotContain("colleagues-first").doesNotContain("value=\"" + firstId + "\"");
    });
  }

  @Test
  void shouldLimitInvitationsPerAddress() {
    on(-1500, () -> {
      // given
      PortalSession contact = new PortalSession(port);
      String organisationId = organisationWith("colleagues-flood", contact);
      String email = "flooded." + System.nanoTime() + "@example.org";

      // when the same address is invited four times within the hour
      for (int i = 0; i < 3; i++) {
        assertThat(contact.post(PortalColleaguesController.PATH, PortalColleaguesController.PATH,
            invitation(organisationId, "Flo Oded", email)).status()).isEqualTo(303);
      }
      PortalSession.Page fourth = contact.post(PortalColleaguesController.PATH, PortalColleaguesController.PATH,
          invitation(organisationId, "Flo Oded", email));

      // then the fourth is refused and not sent
      assertThat(fourth.status()).isEqualTo(429);
      assertThat(fourth.body()).contains("Several invitations were sent already");
      assertThat(TestMailServer.to(email)).hasSize(3);
    });
  }

  private static Map<String, String> invitation(String organisationId, String name, String email) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("organisation", organisationId);
    fields.put("name", name);
    fields.put("email", email);
    fields.put("language", "en");
    return fields;
  }

  private static String linkIn(String email) {
    try {
      Matcher link = LINK.matcher(TestMailServer.to(email).get(0).getContent().toString());
      assertThat(link.find()).as("a link in the mail").isTrue();
      return link.group(1);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs the steps with the engine's clock on a day of their own, days from now. */
  private static void on(int days, Runnable steps) {
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(days))));
    try {
      steps.run();
    } finally {
      ClockUtil.reset();
    }
  }
}
