package org.equitymark.certificate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.equitymark.framework.Level;
import org.equitymark.numbering.SequenceNumbers;
import org.equitymark.registration.Organisation;
import org.equitymark.registration.Organisations;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.transaction.support.TransactionTemplate;

/** Certificates, requests, organisations and PDF reading for the certificate tests. */
final class CertificateFixtures {

  static final Map<String, Level> AREA_LEVELS = Map.of(
      "leadership", Level.EXCELLENCE,
      "workforce", Level.COMPETENCE,
      "engagement", Level.COMPETENCE,
      "access", Level.EXCELLENCE,
      "outcomes", Level.COMPETENCE);

  /** A year no real case uses, for the tests' application references. */
  private static final int TEST_YEAR = 1999;

  /** An organisation registered with one application: a certificate refers to both. */
  record Applicant(Organisation organisation, String applicationReference) {
  }

  private CertificateFixtures() {
  }

  /** The texts of the app's {@code i18n/pages} bundles, without Spring. */
  static PageTexts pageTexts() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("i18n/pages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    return new PageTexts(messages);
  }

  static Certificate certificate(String number, String organisationName, String workplaceArea) {
    return new Certificate(number, "CC-2026-00007", "process-1", "1001", organisationName, workplaceArea,
        Level.COMPETENCE, AREA_LEVELS, "2026.1", LocalDate.of(2026, 3, 1), LocalDate.of(2029, 3, 1),
        CertificateState.ACTIVE, Instant.parse("2026-03-01T10:00:00Z"), "Issued");
  }

  static CertificateRequest request(String issueKey, Applicant applicant, String workplaceArea) {
    return new CertificateRequest(issueKey, applicant.applicationReference(), "process-" + issueKey,
        applicant.organisation().organisationId(), applicant.organisation().name(), workplaceArea, Level.COMPETENCE,
        AREA_LEVELS, "2026.1");
  }

  static Applicant applicant(Organisations organisations, SequenceNumbers numbers, TransactionTemplate transaction,
      String organisationName) {
    return transaction.execute(status -> {
      Organisation organisation = organisations.register(organisationName, "independent-provider");
      String reference = numbers.nextReference("CC", TEST_YEAR);
      organisations.recordApplication(reference, organisation.organisationId(), null, "process-" + reference, "tester");
      return new Applicant(organisation, reference);
    });
  }

  static String text(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
