package org.equitymark.notification;

/** Where mail leaves the application: SMTP in production and tests, the log when no host is set. */
public interface MailGateway {

  void send(Mail mail);
}
