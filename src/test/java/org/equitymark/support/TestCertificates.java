package org.equitymark.support;

import java.util.Map;
import org.equitymark.certificate.Certificate;
import org.equitymark.certificate.CertificateRequest;
import org.equitymark.certificate.Certificates;
import org.equitymark.framework.Level;
import org.equitymark.numbering.SequenceNumbers;
import org.equitymark.registration.Organisation;
import org.equitymark.registration.Organisations;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A certificate at Foundation issued straight to a new organisation, for tests about what follows certification. */
public final class TestCertificates {

  private TestCertificates() {
  }

  /** Issues it in a transaction of its own; answers the certificate number. */
  public static String certify(String name, Organisations organisations, SequenceNumbers numbers,
      Certificates certificates, PlatformTransactionManager transactionManager) {
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    return transaction.execute(status -> {
      Organisation organisation = organisations.register(name, "independent-provider");
      String reference = numbers.nextReference("CC", 1998);
      organisations.recordApplication(reference, organisation.organisationId(), null, "process-" + reference, "tester");
      Certificate certificate = certificates.issue(new CertificateRequest("feedback-" + reference, reference,
          "process-" + reference, organisation.organisationId(), name, null, Level.FOUNDATION,
          Map.of("leadership", Level.FOUNDATION, "workforce", Level.FOUNDATION, "engagement", Level.FOUNDATION,
              "access", Level.FOUNDATION, "outcomes", Level.FOUNDATION), "2026.1"));
      return certificate.certificateNumber();
    });
  }
}
