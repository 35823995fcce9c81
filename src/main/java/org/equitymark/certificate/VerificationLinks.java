package org.equitymark.certificate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The public addresses of a certificate, from {@code equitymark.public-url}: printed, encoded in the QR code, and in JSON. */
@Component
public class VerificationLinks {

  private final String publicUrl;

  public VerificationLinks(@Value("${equitymark.public-url}") String publicUrl) {
    this.publicUrl = publicUrl.replaceAll("/+$", "");
  }

  public String verifyUrl(String certificateNumber) {
    return publicUrl + "/verify/" + certificateNumber;
  }

  public String pdfUrl(String certificateNumber) {
    return publicUrl + "/api/certificates/" + certificateNumber + "/pdf";
  }
}
