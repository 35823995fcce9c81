package org.equitymark.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/** One real SMTP server (GreenMail) for the test JVM, on a free port. */
public final class TestMailServer {

  private static final GreenMail SERVER = start();

  private TestMailServer() {
  }

  private static GreenMail start() {
    GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    return server;
  }

  public static void register(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SERVER.getSmtp().getPort());
  }

  public static GreenMail server() {
    return SERVER;
  }

  /** The mails received so far for one address. */
  public static List<MimeMessage> to(String address) {
    return Arrays.stream(SERVER.getReceivedMessages())
        .filter(m -> recipients(m).contains(address))
        .toList();
  }

  public static List<String> subjectsTo(String address) {
    return to(address).stream().map(TestMailServer::subject).toList();
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> recipients(MimeMessage message) {
    try {
      return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
