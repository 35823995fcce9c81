package org.equitymark.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.equitymark.support.TestMailServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** SMTP connections kept between mails, against a real SMTP server (GreenMail). */
class SmtpConnectionsTests {

  private final JavaMailSenderImpl smtp = new JavaMailSenderImpl();
  private final MutableClock clock = new MutableClock();
  private SmtpConnections connections;

  SmtpConnectionsTests() {
    smtp.setHost("127.0.0.1");
    smtp.setPort(TestMailServer.server().getSmtp().getPort());
    connections = new SmtpConnections(smtp, Duration.ofSeconds(30), 3, clock);
  }

  @AfterEach
  void closeConnections() {
    connections.close();
  }

  @Test
  void shouldSendMailsOfOneThreadOverOneConnection() throws Exception {
    // when
    String to = send();
    send(to);

    // then
    assertThat(TestMailServer.to(to)).hasSize(2);
    assertThat(connections.connectionsMade()).isEqualTo(1);
    assertThat(connections.openConnections()).isEqualTo(1);
  }

  @Test
  void shouldGiveEachThreadItsOwnConnection() throws Exception {
    // given
    String to = send();

    // when
    Thread other = new Thread(() -> {
      try {
        send(to);
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    });
    other.start();
    other.join();

    // then
    assertThat(TestMailServer.to(to)).hasSize(2);
    assertThat(connections.connectionsMade()).isEqualTo(2);
  }

  @Test
  void shouldReplaceAConnectionIdleLongerThanTheLimit() throws Exception {
    // given
    String to = send();

    // when
    clock.advance(Duration.ofSeconds(31));
    send(to);

    // then
    assertThat(TestMailServer.to(to)).hasSize(2);
    assertThat(connections.connectionsMade()).isEqualTo(2);
    assertThat(connections.openConnections()).isEqualTo(1);
  }

  @Test
  void shouldReplaceAConnectionThatCarriedItsShareOfMails() throws Exception {
    // when
    String to = send();
    send(to);
    send(to);
    send(to);

    // then
    assertThat(TestMailServer.to(to)).hasSize(4);
    assertThat(connections.connectionsMade()).isEqualTo(2);
  }

  @Test
  void shouldNotReuseAConnectionToAServerNoLongerConfigured() throws Exception {
    // given
    send();
    int port = smtp.getPort();

    // when the port changes to one nobody listens on
    smtp.setPort(TestMailServer.deadPort());

    // then the mail fails rather than going to the old server
    try {
      assertThatThrownBy(this::send).isInstanceOf(MessagingException.class);
    } finally {
      smtp.setPort(port);
    }
  }

  @Test
  void shouldSendOnANewConnectionWhenTheKeptOneWasClosedUnderIt() throws Exception {
    // given a kept connection closed by another thread (as when the app stops)
    String to = send();
    Thread closer = new Thread(connections::close);
    closer.start();
    closer.join();

    // when
    send(to);

    // then
    assertThat(TestMailServer.to(to)).hasSize(2);
    assertThat(connections.connectionsMade()).isEqualTo(2);
  }

  @Test
  void shouldRefuseSettingsThatCannotWork() {
    assertThatThrownBy(() -> new SmtpConnections(smtp, Duration.ofSeconds(-1), 20, clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("equitymark.mail.connection-idle-limit");
    assertThatThrownBy(() -> new SmtpConnections(smtp, Duration.ofSeconds(30), 0, clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("equitymark.mail.mails-per-connection");
  }

  @Test
  void shouldSendOnANewConnectionWhenTheServerDroppedTheKeptOne() throws Exception {
    // given a mail sent to a server that then restarts on the same port
    GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    server.start();
    int port = server.getSmtp().getPort();
    smtp.setPort(port);
    GreenMail restarted = null;
    try {
      String to = send();
      server.stop();
      restarted = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      restarted.start();

      // when
      send(to);

      // then
      assertThat(restarted.getReceivedMessages()).hasSize(1);
      assertThat(connections.connectionsMade()).isEqualTo(2);
    } finally {
      if (restarted != null) {
        restarted.stop();
      }
      server.stop();
    }
  }

  private String send() throws MessagingException {
    String to = "smtp-" + UUID.randomUUID() + "@provider.example";
    send(to);
    return to;
  }

  private void send(String to) throws MessagingException {
    MimeMessage message = smtp.createMimeMessage();
    message.setFrom(new InternetAddress("no-reply@equitymark.org.uk"));
    message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
    message.setSubject("Kept connections");
    message.setText("A mail.");
    connections.send(message);
  }

  private static final class MutableClock extends Clock {

    private Instant now = Instant.parse("2026-11-24T09:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
