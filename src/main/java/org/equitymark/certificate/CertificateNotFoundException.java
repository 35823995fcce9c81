package org.equitymark.certificate;

/** No certificate has this number (or the number is not of the form {@code EM-yyyy-nnnnn}). */
public class CertificateNotFoundException extends RuntimeException {

  public CertificateNotFoundException(String number) {
    super("No certificate " + (Certificate.isWellFormedNumber(number) ? number : "with this number"));
  }
}
