package org.equitymark.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.equitymark.notification.OutboxDelivery;
import org.equitymark.support.FormClient;
import org.equitymark.support.HttpTestSupport;
import org.equitymark.support.TestMailServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sign-up at /apply over HTTP as a browser without JavaScript and as a JSON client: the mailed
 * one-time link makes the account and starts the case once; replayed, expired, unknown links, bad
 * input, a missing form token, a flood and a known address are refused or answered alike; a mail
 * server that is down delays the link, never the answer. Each test
 * runs on its own day of the engine's clock, so that its sign-ups count in no other test's limits.
 */
class SignUpIntegrationTests extends HttpTestSupport {

  @Autowired JavaMailSenderImpl mailSender;
  @Autowired OutboxDelivery delivery;

  private static final Pattern LINK = Pattern.compile("/apply/activate\\?token=([A-Za-z0-9_-]{43})");
  private static final String PASSWORD = "Civic-Lantern-42";
  private static final String JSON = "application/json";

  @Test
  void shouldMakeTheAccountAndStartTheCaseWhenTheMailedLinkIsFollowedOnce() {
    on(-700, () -> {
      // given a contact who signs up as a JSON client
      String email = "ada.signup." + System.nanoTime() + "@example.org";
      FormClient contact = new FormClient(port);
      assertThat(contact.get("/apply").status()).isEqualTo(200);
      FormClient.Page applied = contact.post("/apply", contact.withToken(signUp(email, "Ada Lovelace")), JSON);
      assertThat(applied.status()).as(applied.body()).isEqualTo(201);
      assertThat(applied.json().get("status").asText()).isEqualTo("check-your-mail");
      assertThat(identityService.createUserQuery().userEmail(email).count()).isZero();

      // when the contact follows the mailed link and chooses a password that breaks the policy
      String token = linkIn(onlyMailTo(email, "activate your account"));
      FormClient.Page page = contact.get("/apply/activate?token=" + token);
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body()).contains("Choose a password", "Ada Lovelace");
      FormClient.Page weak = contact.post("/apply/activate", contact.withToken(Map.of("token", token,
          "password", "password")), "text/html");

      // then nothing is made
      assertThat(weak.status()).isEqualTo(400);
      assertThat(weak.body()).contains("There is a problem");
      assertThat(identityService.createUserQuery().userEmail(email).count()).isZero();

      // when a good password is chosen
      FormClient.Page activated = contact.post("/apply/activate", contact.withToken(Map.of("token", token,
          "password", PASSWORD)), JSON);

      // then the account is an applicant's, and its case has started, as this user
      assertThat(activated.status()).as(activated.body()).isEqualTo(200);
      String userId = activated.json().get("userId").asText();
      String reference = activated.json().get("reference").asText();
      assertThat(userId).startsWith("ada-lovelace");
      assertThat(reference).matches("CC-[0-9]{4}-[0-9]{5}");
      assertThat(identityService.checkPassword(userId, PASSWORD)).isTrue();
      assertThat(identityService.createUserQuery().userId(userId).memberOfGroup("applicants").count()).isOne();
      assertThat(anonymous().as(userId, PASSWORD).get("/engine-rest/process-instance?businessKey=" + reference)
          .json()).hasSize(1);

      // and the link works only once
      assertThat(contact.post("/apply/activate", contact.withToken(Map.of("token", token, "password", PASSWORD)),
          "text/html").status()).isEqualTo(410);
      assertThat(contact.get("/apply/activate?token=" + token).status()).isEqualTo(410);
      assertThat(contact.get("/apply/activate?token=" + "x".repeat(43)).status()).isEqualTo(404);
    });
  }

  @Test
  void shouldRefuseAnExpiredLink() {
    on(-800, () -> {
      String email = "late.signup." + System.nanoTime() + "@example.org";
      FormClient contact = new FormClient(port);
      contact.get("/apply");
      assertThat(contact.submit("/apply", signUp(email, "Late Comer")).status()).isEqualTo(303);
      String token = linkIn(onlyMailTo(email, "activate your account"));

      // when the link is followed after its validity (48 hours)
      ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plus(Duration.ofHours(49))));

      // then it is refused and no account is made
      FormClient.Page page = contact.get("/apply/activate?token=" + token);
      assertThat(page.status()).isEqualTo(410);
      assertThat(page.body()).contains("This link cannot be used");
      assertThat(contact.post("/apply/activate", contact.withToken(Map.of("token", token, "password", PASSWORD)),
          JSON).status()).isEqualTo(410);
      assertThat(identityService.createUserQuery().userEmail(email).count()).isZero();
    });
  }

  @Test
  void shouldAnswerAKnownAddressAsAnyOtherAndSayItOnlyInTheMail() {
    on(-900, () -> {
      // given an address with an account
      String email = "known.signup." + System.nanoTime() + "@example.org";
      User existing = identityService.newUser("known-" + System.nanoTime());
      existing.setEmail(email);
      existing.setPassword(PASSWORD);
      identityService.saveUser(existing);
      FormClient stranger = new FormClient(port);
      stranger.get("/apply");
      FormClient.Page fresh = stranger.post("/apply", stranger.withToken(signUp("new." + email, "New Person")), JSON);

      // when someone signs up with it
      FormClient.Page known = stranger.post("/apply", stranger.withToken(signUp(email, "Someone Else")), JSON);

      // then the answer is the same as for a new address, and only the mail tells the owner
      assertThat(known.status()).isEqualTo(fresh.status()).isEqualTo(201);
      assertThat(known.body()).isEqualTo(fresh.body());
      MimeMessage mail = onlyMailTo(email, "you already have an account");
      assertThat(body(mail)).contains(existing.getId(), "/portal/login").doesNotContain("/apply/activate");
    });
  }

  @Test
  void shouldRefuseBadInputAMissingFormTokenAndTooMuchAndEscapeWhatWasTyped() {
    on(-1000, () -> {
      FormClient contact = new FormClient(port);
      contact.get("/apply?lang=cy");
      String email = "bad.signup." + System.nanoTime() + "@example.org";

      // without the form token
      assertThat(contact.post("/apply", signUp(email, "No Token"), "text/html").status()).isEqualTo(403);

      // with markup, a wrong address and an organisation of someone else's
      Map<String, String> bad = signUp("not-an-address", "<script>alert(1)</script>");
      bad.put("organisationId", "1001");
      bad.put("staffCount", "lots");
      FormClient.Page refused = contact.submit("/apply?lang=cy", bad);
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.body()).contains("Mae problem", "Rhowch gyfeiriad e-bost", "Rhowch nifer y staff",
          "&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert");
      FormClient.Page json = contact.post("/apply", contact.withToken(bad), JSON);
      assertThat(json.status()).isEqualTo(400);
      assertThat(json.json().get("problems").fieldNames()).toIterable()
          .contains("contactEmail", "staffCount", "organisationId");

      // ten megabytes
      Map<String, String> huge = signUp(email, "Huge Name");
      huge.put("organisationName", "x".repeat(10 * 1024 * 1024));
      assertThat(contact.submit("/apply", huge).status()).isEqualTo(413);

      // and nothing was sent or kept
      assertThat(TestMailServer.to(email)).isEmpty();
      assertThat(TestMailServer.to("not-an-address")).isEmpty();
    });
  }

  @Test
  void shouldLimitAFloodOfSignUpsPerAddressAndPerSender() {
    on(-1100, () -> {
      FormClient flooder = new FormClient(port);
      flooder.get("/apply");
      String email = "flood.signup." + System.nanoTime() + "@example.org";
      for (int i = 0; i < 3; i++) {
        assertThat(flooder.post("/apply", flooder.withToken(signUp(email, "Flood Er")), JSON).status()).isEqualTo(201);
      }
      // a fourth for the same address within the hour
      assertThat(flooder.post("/apply", flooder.withToken(signUp(email, "Flood Er")), JSON).status()).isEqualTo(429);
      assertThat(TestMailServer.to(email)).hasSize(3);

      // other addresses from the same place, up to 20 sign-ups in the hour (the refused one counted)
      for (int i = 4; i < 20; i++) {
        assertThat(flooder.post("/apply", flooder.withToken(signUp(i + "." + email, "Flood Er")), JSON).status())
            .as("sign-up %d", i).isEqualTo(201);
      }
      FormClient.Page limited = flooder.submit("/apply", signUp("more." + email, "Flood Er"));
      assertThat(limited.status()).isEqualTo(429);
      assertThat(limited.body()).contains("Several applications came already");
    });
  }

  @Test
  void shouldAnswerASignUpAsUsualWhileTheMailServerIsDownAndMailTheLinkOnceWhenItIsBack() {
    on(-1200, () -> {
      // given the mail server is down
      String email = "outage.signup." + System.nanoTime() + "@example.org";
      int mailPort = mailSender.getPort();
      mailSender.setPort(deadPort());
      FormClient contact = new FormClient(port);
      try {
        // when someone signs up
        contact.get("/apply");
        FormClient.Page applied = contact.post("/apply", contact.withToken(signUp(email, "Outage Time")), JSON);

        // then the answer is as usual, and the mail waits in the outbox
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        assertThat(applied.json().get("status").asText()).isEqualTo("check-your-mail");
        assertThat(TestMailServer.to(email)).isEmpty();
      } finally {
        mailSender.setPort(mailPort);
      }

      // when the server is back and the mail's retry is due
      ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plus(delivery.delayAfter(1))));
      delivery.deliverDue();

      // then the link arrives, once, and works
      await().atMost(ASYNC).until(() -> !TestMailServer.to(email).isEmpty());
      delivery.deliverDue();
      String token = linkIn(onlyMailTo(email, "activate your account"));
      assertThat(contact.get("/apply/activate?token=" + token).status()).isEqualTo(200);
    });
  }

  private static int deadPort() {
    try {
      return TestMailServer.deadPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> signUp(String email, String name) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("organisationName", "Sign-up Care & <b>Wellbeing</b>");
    fields.put("organisationType", "voluntary-community");
    fields.put("staffCount", "40");
    fields.put("targetLevel", "foundation");
    fields.put("contactName", name);
    fields.put("contactEmail", email);
    fields.put("preferredLanguage", "en");
    return fields;
  }

  private static MimeMessage onlyMailTo(String address, String subjectPart) {
    List<MimeMessage> mails = TestMailServer.to(address);
    assertThat(mails).hasSize(1);
    assertThat(TestMailServer.subjectsTo(address).get(0)).containsIgnoringCase(subjectPart);
    return mails.get(0);
  }

  static String linkIn(MimeMessage mail) {
    Matcher link = LINK.matcher(body(mail));
    assertThat(link.find()).as("a link in the mail").isTrue();
    return link.group(1);
  }

  static String body(MimeMessage mail) {
    try {
      return mail.getContent().toString();
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
