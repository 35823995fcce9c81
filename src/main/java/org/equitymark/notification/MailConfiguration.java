package org.equitymark.notification;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
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

  @Bean
  MailGateway mailGateway(ObjectProvider<JavaMailSender> sender, @Value("${equitymark.mail.from}") String from) {
    JavaMailSender smtp = sender.getIfAvailable();
    if (smtp == null) {
      LOG.warn("No SMTP host is configured (spring.mail.host): notifications are written to the log only");
      return mail -> LOG.info("Mail to {}: {}\n{}", mail.to(), mail.subject(), mail.body());
    }
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
