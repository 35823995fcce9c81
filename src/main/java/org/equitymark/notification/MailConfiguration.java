package org.equitymark.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * SMTP when {@code spring.mail.host} is set; otherwise mails are written to the log (the demo on a
 * laptop), with a warning at start-up. A failure to send throws, so the job retries and finally
 * shows as an incident. Each sending thread keeps its SMTP connection open between mails
 * ({@link SmtpConnections}, {@code equitymark.mail.connection-idle-limit} and
 * {@code mails-per-connection}).
 */
@Configuration
class MailConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(MailConfiguration.class);

  /**
   * Jakarta Mail 2.1 finds its stream provider through {@code ServiceLoader}, a scan of the
   * classpath's jars, each time it encodes a part of a message (jakartaee/mail-api#699 and #861): 40%
   * of sending a mail in a JFR profile of our jobs. With the implementation named in this system
   * property, which the API reads first, the lookup is a {@code Class.forName} of a loaded class.
   */
  static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

  @Bean
  MailGateway mailGateway(ObjectProvider<JavaMailSender> sender, @Value("${equitymark.mail.from}") String from,
      @Value("${equitymark.mail.reply-to:}") String replyTo,
      @Value("${equitymark.mail.connection-idle-limit}") Duration idleLimit,
      @Value("${equitymark.mail.mails-per-connection}") int mailsPerConnection) {
    JavaMailSender smtp = sender.getIfAvailable();
    if (smtp == null) {
      LOG.warn("No SMTP host is configured (spring.mail.host): notifications are written to the log only");
      return mail -> LOG.info("Mail to {}: {}\n{}", mail.to(), mail.subject(), mail.body());
    }
    System.getProperties().putIfAbsent(STREAM_PROVIDER, MailStreamProvider.class.getName());
    if (smtp instanceof JavaMailSenderImpl server) {
      return new SmtpGateway(server, new SmtpConnections(server, idleLimit, mailsPerConnection, Clock.systemUTC()),
          from, replyTo);
    }
    return mail -> smtp.send(message(smtp.createMimeMessage(), from, replyTo, mail));
  }

  /** Mails over the connections each thread keeps; closes them when the app stops. */
  private record SmtpGateway(JavaMailSenderImpl smtp, SmtpConnections connections, String from, String replyTo)
      implements MailGateway, AutoCloseable {

    @Override
    public void send(Mail mail) {
      MimeMessage message = message(smtp.createMimeMessage(), from, replyTo, mail);
      try {
        connections.send(message);
      } catch (MessagingException e) {
        throw new IllegalStateException("Could not send the mail to " + mail.to() + ": " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      connections.close();
    }
  }

  /** A plain-text mail from the scheme's sender, answered to a person who reads it ({@code equitymark.mail.reply-to}). */
  private static MimeMessage message(MimeMessage message, String from, String replyTo, Mail mail) {
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
      helper.setFrom(new InternetAddress(from));
      if (!replyTo.isBlank()) {
        helper.setReplyTo(new InternetAddress(replyTo));
      }
      helper.setTo(new InternetAddress(mail.to(), true));
      helper.setSubject(mail.subject());
      helper.setText(mail.body(), false);
      return message;
    } catch (MessagingException e) {
      throw new IllegalStateException("Could not build the mail to " + mail.to() + ": " + e.getMessage(), e);
    }
  }
}
