package org.equitymark.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sends each mail over an SMTP connection its thread keeps open between mails, instead of a new
 * connection per mail (what {@code JavaMailSenderImpl.send} does): connecting costs the TCP
 * handshake, the server's greeting, EHLO, STARTTLS and login where used, and QUIT, more round trips
 * than the mail itself. Only job threads send mail, so there are at most as many connections as
 * job threads; each belongs to one thread, so nothing is shared between threads or nodes.
 *
 * <p>A connection is closed and replaced when it has been idle longer than {@code idleLimit}
 * (servers drop idle clients, after 5 minutes in RFC 5321's words, often sooner) or has carried
 * {@code mailsPerConnection} mails (servers such as Exchange limit that). If a mail fails on a kept
 * connection, it is sent once more on a new one; if that fails too, the failure is thrown (and the
 * new connection closed, never kept), so the job retries and finally shows as an incident. Delivery stays at least once, as before: a connection
 * lost after the server took a mail but before its reply arrived sends it again.
 */
final class SmtpConnections implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SmtpConnections.class);

  private final JavaMailSenderImpl smtp;
  private final Duration idleLimit;
  private final int mailsPerConnection;
  private final Clock clock;
  private final ThreadLocal<Connection> current = new ThreadLocal<>();
  private final Set<Connection> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger connectionsMade = new AtomicInteger();

  SmtpConnections(JavaMailSenderImpl smtp, Duration idleLimit, int mailsPerConnection, Clock clock) {
    if (idleLimit.isNegative()) {
      throw new IllegalArgumentException("equitymark.mail.connection-idle-limit must not be negative: " + idleLimit);
    }
    if (mailsPerConnection < 1) {
      throw new IllegalArgumentException("equitymark.mail.mails-per-connection must be at least 1: "
          + mailsPerConnection);
    }
    this.smtp = smtp;
    this.idleLimit = idleLimit;
    this.mailsPerConnection = mailsPerConnection;
    this.clock = clock;
  }

  void send(MimeMessage message) throws MessagingException {
    message.setSentDate(new Date(clock.millis()));
    message.saveChanges();
    Connection kept = current.get();
    if (kept != null && kept.usable()) {
      try {
        kept.send(message);
        return;
      } catch (MessagingException | IllegalStateException e) {
        // IllegalStateException: the transport closed itself after an earlier failure
        LOG.debug("A kept SMTP connection failed ({}); sending again on a new one", e.getMessage());
      }
    }
    if (kept != null) {
      kept.close();
    }
    Connection fresh = connect();
    try {
      fresh.send(message);
    } catch (MessagingException | RuntimeException e) {
      fresh.close();
      throw e;
    }
  }

  private Connection connect() throws MessagingException {
    String server = serverOf(smtp);
    Transport transport = smtp.getSession().getTransport(protocolOf(smtp));
    transport.connect(smtp.getHost(), smtp.getPort(), smtp.getUsername(), smtp.getPassword());
    connectionsMade.incrementAndGet();
    Connection connection = new Connection(transport, server);
    current.set(connection);
    open.add(connection);
    return connection;
  }

  /** The server and account a connection is for: one made for other settings is not reused. */
  private static String serverOf(JavaMailSenderImpl smtp) {
    return protocolOf(smtp) + "://" + smtp.getUsername() + "@" + smtp.getHost() + ":" + smtp.getPort();
  }

  /** As JavaMailSenderImpl chooses it: its own, else the session's, else SMTP. */
  private static String protocolOf(JavaMailSenderImpl smtp) {
    if (smtp.getProtocol() != null) {
      return smtp.getProtocol();
    }
    String session = smtp.getSession().getProperty("mail.transport.protocol");
    return session != null ? session : JavaMailSenderImpl.DEFAULT_PROTOCOL;
  }

  /** Closes every kept connection (the app is stopping). */
  @Override
  public void close() {
    open.forEach(Connection::close);
  }

  /** Connections kept open now (for tests). */
  int openConnections() {
    return open.size();
  }

  /** Connections made so far (for tests). */
  int connectionsMade() {
    return connectionsMade.get();
  }

  private final class Connection {

    private final Transport transport;
    private final String server;
    private long lastUsed;
    private int mails;

    Connection(Transport transport, String server) {
      this.transport = transport;
      this.server = server;
      this.lastUsed = clock.millis();
    }

    /**
     * Whether the next mail may go over this connection. It is not asked whether the server is still
     * there: SMTP's isConnected sends a NOOP, a round trip per mail; a failed send tries a new one.
     */
    boolean usable() {
      return mails < mailsPerConnection && clock.millis() - lastUsed <= idleLimit.toMillis()
          && server.equals(serverOf(smtp));
    }

    void send(MimeMessage message) throws MessagingException {
      mails++;
      lastUsed = clock.millis();
      transport.sendMessage(message, message.getAllRecipients());
      lastUsed = clock.millis();
    }

    void close() {
      open.remove(this);
      if (current.get() == this) {
        current.remove();
      }
      try {
        transport.close();
      } catch (MessagingException e) {
        LOG.debug("Closing an SMTP connection: {}", e.getMessage());
      }
    }
  }
}
