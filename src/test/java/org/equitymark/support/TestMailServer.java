package org.equitymark.support;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.net.SocketException;
import java.util.List;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/** One real SMTP server (GreenMail) for the test JVM, on a free port. */
public final class TestMailServer {

  private static final GreenMail SERVER = start();

  private TestMailServer() {
  }

  private static GreenMail start() {
    GreenMail server = new NoDelayGreenMail(ServerSetupTest.SMTP.dynamicPort());
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

  /** A port nothing listens on (just released by the system), for a mail server that is down. */
  public static int deadPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
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

  /**
   * GreenMail writes each line of a multi-line reply (EHLO's) as a packet of its own; with Nagle's
   * algorithm on, the second waits for the client's delayed ACK, so every mail took about 45 ms of
   * waiting (a real MTA writes the reply at once). TCP_NODELAY on its accepted sockets removes the
   * artefact: about 4 ms a mail, so the tests and the benchmark measure our work, not this wait.
   */
  private static final class NoDelayGreenMail extends GreenMail {

    NoDelayGreenMail(ServerSetup setup) {
      super(setup);
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
      Map<String, AbstractServer> services = super.createServices(config, managers);
      services.replaceAll((protocol, service) -> service instanceof SmtpServer smtp
          ? new NoDelaySmtpServer(smtp.getServerSetup(), managers) : service);
      return services;
    }
  }

  private static final class NoDelaySmtpServer extends SmtpServer {

    NoDelaySmtpServer(ServerSetup setup, Managers managers) {
      super(setup, managers);
    }

    @Override
    protected void handleClientSocket(Socket socket) throws SocketException {
      socket.setTcpNoDelay(true);
      super.handleClientSocket(socket);
    }
  }
}
