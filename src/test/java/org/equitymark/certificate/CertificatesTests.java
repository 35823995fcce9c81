package org.equitymark.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.equitymark.certificate.CertificateFixtures.applicant;
import static org.equitymark.certificate.CertificateFixtures.request;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.equitymark.framework.Level;
import org.equitymark.certificate.CertificateFixtures.Applicant;
import org.equitymark.numbering.SequenceNumbers;
import org.equitymark.registration.Organisation;
import org.equitymark.registration.Organisations;
import org.equitymark.support.ProcessTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Issuing, idempotency, numbering, validity, states and the register, against the real database. */
class CertificatesTests extends ProcessTestSupport {

  private static final AtomicInteger KEYS = new AtomicInteger();

  @Autowired Certificates certificates;
  @Autowired Organisations organisations;
  @Autowired SequenceNumbers numbers;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactionManager;

  private TransactionTemplate transaction;

  @BeforeEach
  void transaction() {
    transaction = new TransactionTemplate(transactionManager);
  }

  @Test
  void shouldIssueANumberedCertificateValidForThreeYearsAndKeepItsPdf() {
    // given a leap day
    clockAt("2028-02-29T12:00:00Z");
    Applicant provider = provider("Brookside Mental Health Services");

    // when
    Certificate certificate = issue(newKey(), provider, "Acute Ward 3");

    // then
    assertThat(certificate.certificateNumber()).matches("EM-2028-\\d{5}");
    assertThat(certificate.issuedOn()).isEqualTo(LocalDate.of(2028, 2, 29));
    assertThat(certificate.expiresOn()).isEqualTo(LocalDate.of(2031, 2, 28));
    assertThat(certificate.state()).isEqualTo(CertificateState.ACTIVE);
    assertThat(certificate.areaLevels().keySet()).containsExactly("leadership", "workforce", "engagement", "access", "outcomes");
    assertThat(certificates.find(certificate.certificateNumber())).contains(certificate);
    byte[] pdf = certificates.pdf(certificate.certificateNumber()).orElseThrow();
    assertThat(CertificateFixtures.text(pdf)).contains(certificate.certificateNumber(), "Acute Ward 3", "29 February 2028");
    assertThat(certificates.history(certificate.certificateNumber()))
        .singleElement().extracting(StateChange::state).isEqualTo(CertificateState.ACTIVE);
  }

  @Test
  void shouldReturnTheSameCertificateWhenIssuedTwiceWithTheSameKey() {
    // given
    Applicant provider = provider("Northgate Community Wellbeing");
    String key = newKey();
    Certificate first = issue(key, provider, null);

    // when the step runs again (a retry, a second node)
    Certificate again = issue(key, provider, "Another area");

    // then
    assertThat(again).isEqualTo(first);
    assertThat(certificatesWithKey(key)).isEqualTo(1);
  }

  @Test
  void shouldGiveConsecutiveNumbersToDifferentKeys() {
    // given
    Applicant provider = provider("Harbour View Trust");

    // when
    int first = sequence(issue(newKey(), provider, "Ward 1"));
    int second = sequence(issue(newKey(), provider, "Ward 2"));

    // then
    assertThat(second).isEqualTo(first + 1);
  }

  @Test
  void shouldGiveDistinctNumbersWhenTwoIssueAtOnce() throws Exception {
    // given
    Applicant provider = provider("Parallel Care");

    // when two issue with different keys at the same moment
    List<Certificate> issued = concurrently(() -> issue(newKey(), provider, null));

    // then
    assertThat(issued).extracting(Certificate::certificateNumber).doesNotHaveDuplicates().hasSize(2);
  }

  @Test
  void shouldIssueOneCertificateWhenTwoIssueTheSameKeyAtOnce() throws Exception {
    // given
    Applicant provider = provider("Twin Nodes Health");
    String key = newKey();

    // when two nodes issue for the same key at the same moment: one may fail, to be retried
    List<Certificate> issued = concurrently(() -> issue(key, provider, null));

    // then there is one certificate, and the retry returns it
    assertThat(certificatesWithKey(key)).isEqualTo(1);
    Certificate retried = issue(key, provider, null);
    assertThat(issued).isNotEmpty().allSatisfy(c -> assertThat(c).isEqualTo(retried));
  }

  @Test
  void shouldRecordEveryChangeOfStateWithDateAndReason() {
    // given
    clockAt("2026-04-01T09:00:00Z");
    String number = issue(newKey(), provider("Meadow Lane Services"), null).certificateNumber();

    // when
    clockAt("2027-05-02T09:00:00Z");
    changeState(number, CertificateState.SUSPENDED, "Annual return not accepted");
    changeState(number, CertificateState.SUSPENDED, "Suspended again: no change");
    clockAt("2027-06-03T09:00:00Z");
    changeState(number, CertificateState.ACTIVE, "New annual return accepted");
    clockAt("2027-07-04T09:00:00Z");
    changeState(number, CertificateState.REVOKED, "Revoked by the scheme");

    // then
    assertThat(certificates.history(number)).extracting(StateChange::state, StateChange::date, StateChange::reason)
        .containsExactly(
            tuple(CertificateState.ACTIVE, LocalDate.of(2026, 4, 1), "Certificate issued"),
            tuple(CertificateState.SUSPENDED, LocalDate.of(2027, 5, 2), "Annual return not accepted"),
            tuple(CertificateState.ACTIVE, LocalDate.of(2027, 6, 3), "New annual return accepted"),
            tuple(CertificateState.REVOKED, LocalDate.of(2027, 7, 4), "Revoked by the scheme"));
    Certificate revoked = certificates.find(number).orElseThrow();
    assertThat(revoked.state()).isEqualTo(CertificateState.REVOKED);
    assertThat(revoked.stateReason()).isEqualTo("Revoked by the scheme");
    assertThat(revoked.stateChangedOn()).isEqualTo(Instant.parse("2027-07-04T09:00:00Z"));
    assertThatThrownBy(() -> certificates.changeState(number, CertificateState.ACTIVE, "Reinstated"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldRejectChangesToUnknownCertificatesAndWithoutReason() {
    String number = issue(newKey(), provider("Reason Required Ltd"), null).certificateNumber();

    assertThatThrownBy(() -> certificates.changeState("EM-1900-99999", CertificateState.SUSPENDED, "Why"))
        .isInstanceOf(CertificateNotFoundException.class);
    assertThatThrownBy(() -> certificates.changeState("EM-2026-00001' or '1'='1", CertificateState.REVOKED, "Why"))
        .isInstanceOf(CertificateNotFoundException.class);
    assertThatThrownBy(() -> certificates.changeState(number, CertificateState.SUSPENDED, " "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(certificates.history(number)).hasSize(1);
  }

  @Test
  void shouldShowAnActiveCertificateAsExpiredOnceItsExpiryDateHasPassed() {
    // given
    clockAt("2026-01-10T12:00:00Z");
    String number = issue(newKey(), provider("Old Mill Services"), null).certificateNumber();

    // when
    clockAt("2029-01-11T12:00:00Z");
    Certificate certificate = certificates.find(number).orElseThrow();

    // then
    assertThat(certificate.isCurrentOn(LocalDate.of(2029, 1, 10))).isTrue();
    assertThat(certificate.stateOn(CertificateClock.today())).isEqualTo(CertificateState.EXPIRED);
    assertThat(certificate.isCurrentOn(CertificateClock.today())).isFalse();
  }

  @Test
  void shouldListTheRegisterByOrganisationWithTheWholeOrganisationBeforeItsAreas() {
    // given
    String tag = " " + newKey();
    Applicant zeta = provider("Zeta Care" + tag);
    Applicant alpha = provider("alpha Health" + tag);
    issue(newKey(), zeta, null);
    issue(newKey(), alpha, "Ward B");
    issue(newKey(), alpha, null);
    issue(newKey(), alpha, "Ward A");

    // when
    List<Certificate> register = certificates.register().stream()
        .filter(c -> c.organisationName().endsWith(tag)).toList();

    // then
    assertThat(register).extracting(Certificate::organisationName, Certificate::workplaceArea).containsExactly(
        tuple("alpha Health" + tag, null),
        tuple("alpha Health" + tag, "Ward A"),
        tuple("alpha Health" + tag, "Ward B"),
        tuple("Zeta Care" + tag, null));
  }

  @Test
  void shouldFindTheLatestCertificateOfAnApplication() {
    // given two certificates for one application (a reassessment after an upheld appeal)
    Applicant applicant = provider("Appeal Upheld Trust");
    issue(newKey(), applicant, null);
    Certificate latest = issue(newKey(), applicant, null);

    // then
    assertThat(certificates.findByApplication(applicant.applicationReference())).contains(latest);
    assertThat(certificates.findByApplication("CC-1900-00000")).isEmpty();
  }

  @Test
  void shouldRefuseARequestWithoutACertifiedLevelOrWithMissingAreas() {
    Applicant applicant = new Applicant(new Organisation("1", "Name", "nhs-trust", Instant.now()), "CC-2026-00001");
    assertThatThrownBy(() -> new CertificateRequest("k", "CC-2026-00001", null, "1", "Name", null, Level.NONE,
        CertificateFixtures.AREA_LEVELS, "2026.1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CertificateRequest("k", "CC-2026-00001", null, "1", "Name", null, Level.FOUNDATION,
        Map.of("leadership", Level.FOUNDATION), "2026.1")).isInstanceOf(IllegalArgumentException.class);
    assertThat(request("k", applicant, "  ").workplaceArea()).isNull();
  }

  private Applicant provider(String name) {
    return applicant(organisations, numbers, transaction, name);
  }

  private Certificate issue(String key, Applicant applicant, String workplaceArea) {
    return transaction.execute(s -> certificates.issue(request(key, applicant, workplaceArea)));
  }

  private void changeState(String number, CertificateState state, String reason) {
    transaction.executeWithoutResult(s -> certificates.changeState(number, state, reason));
  }

  private List<Certificate> concurrently(Callable<Certificate> issue) throws Exception {
    certificates.register(); // warm up: nothing slow happens for the first time while a row is locked
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      List<Future<Certificate>> results = new ArrayList<>();
      for (int node = 0; node < 2; node++) {
        results.add(nodes.submit(() -> {
          start.await();
          return issue.call();
        }));
      }
      start.countDown();
      List<Certificate> issued = new ArrayList<>();
      for (Future<Certificate> result : results) {
        try {
          issued.add(result.get());
        } catch (ExecutionException failed) {
          assertThat(failed.getCause()).isInstanceOf(DuplicateKeyException.class);
        }
      }
      return issued;
    } finally {
      nodes.shutdown();
    }
  }

  private int certificatesWithKey(String key) {
    return jdbc.queryForObject("select count(*) from em_certificate where issue_key = ?", Integer.class, key);
  }

  private static int sequence(Certificate certificate) {
    return Integer.parseInt(certificate.certificateNumber().substring("EM-yyyy-".length()));
  }

  private static String newKey() {
    return "test-" + KEYS.incrementAndGet() + "-" + System.nanoTime();
  }

  private static void clockAt(String instant) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
  }
}
