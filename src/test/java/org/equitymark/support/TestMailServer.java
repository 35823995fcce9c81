package org.equitymark.support;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.user.UserManager;
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

  /**
   * How long the server waits before it answers a mail's data: 0 (at once) unless the benchmark asks
   * for a remote relay's delay ({@code -Dbench.smtpDelayMs=50}).
   */
  private static final long ANSWER_DELAY_MS = Long.getLong("bench.smtpDelayMs", 0);
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
      Managers answering = ANSWER_DELAY_MS > 0 ? new SlowAnswers(managers) : managers;
      services.replaceAll((protocol, service) -> service instanceof SmtpServer smtp
          ? new NoDelaySmtpServer(smtp.getServerSetup(), answering) : service);
      return services;
    }
  }

  /**
   * The server's managers, with an SMTP manager that answers each mail's data only after
   * {@link #ANSWER_DELAY_MS}, as a remote relay does. The wait is in {@code checkData}, which runs on
   * the connection's own thread before GreenMail's synchronized delivery: mails sent at once wait
   * side by side, not one after another.
   */
  private static final class SlowAnswers extends Managers {

    private final Managers managers;
    private final SmtpManager smtp;

    SlowAnswers(Managers managers) {
      this.managers = managers;
      this.smtp = new SmtpManager(managers.getImapHostManager(), managers.getUserManager()) {
        @Override
        public String checkData(SmtpState state) {
          try {
            Thread.sleep(ANSWER_DELAY_MS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return super.checkData(state);
        }
      };
    }

    @Override
    public SmtpManager getSmtpManager() {
      return smtp;
    }

    @Override
    public UserManager getUserManager() {
      return managers.getUserManager();
    }

    @Override
    public ImapHostManager getImapHostManager() {
      return managers.getImapHostManager();
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
