package org.equitymark.notification;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * SMTP when {@code spring.mail.host} is set; otherwise mails are written to the log (the demo on a
 * laptop), with a warning at start-up. A failure to send throws, so the job retries and finally
 * shows as an incident.
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
  MailGateway mailGateway(ObjectProvider<JavaMailSender> sender, @Value("${equitymark.mail.from}") String from) {
    JavaMailSender smtp = sender.getIfAvailable();
    if (smtp == null) {
      LOG.warn("No SMTP host is configured (spring.mail.host): notifications are written to the log only");
      return mail -> LOG.info("Mail to {}: {}\n{}", mail.to(), mail.subject(), mail.body());
    }
    System.getProperties().putIfAbsent(STREAM_PROVIDER, MailStreamProvider.class.getName());
    return mail -> {
      try {
        MimeMessage message = smtp.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        helper.setFrom(new InternetAddress(from));
        helper.setTo(new InternetAddress(mail.to(), true));
        helper.setSubject(mail.subject());
        helper.setText(mail.body(), false);
        smtp.send(message);
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException("Could not build the mail to " + mail.to() + ": " + e.getMessage(), e);
      }
    };
  }
}
