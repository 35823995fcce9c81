package org.equitymark.notification;

/** A plain-text mail: no markup, so nothing a user typed can become HTML in a mail client. */
public record Mail(String to, String subject, String body) {
}
