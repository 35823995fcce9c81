package org.equitymark.signup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.equitymark.access.ActingUser;
import org.equitymark.access.Groups;
import org.equitymark.engine.PasswordPolicies;
import org.equitymark.notification.MailOutbox;
import org.equitymark.notification.NotificationTemplates;
import org.equitymark.process.CertificationProcess;
import org.equitymark.registration.Applications;
import org.equitymark.registration.Organisation;
import org.equitymark.registration.Organisations;
import org.equitymark.submission.InvalidSubmissionException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts made by their owners: a sign-up at {@code /apply} (with its first application) or an
 * invitation of a colleague by an organisation's member. Either mails a one-time link; the account
 * (a Camunda user in {@code applicants}) is created only when the link is followed and a password
 * chosen, and a sign-up's case starts then (docs/decisions: a case starts at activation). Links are
 * kept in the database as SHA-256 hashes of their tokens, expire after
 * {@code equitymark.signup.link-validity} and work once, on any node of a cluster.
 */
@Service
@Transactional
public class AccountLinks {

  static final String SIGN_UP = "sign-up";
  static final String INVITATION = "invitation";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_USER_ID = 40;
  private static final String COLUMNS = "id, kind, email, person_name, preferred_language, registration, "
      + "organisation_id, invited_by, expires_at, used_at";

  /** A link as stored (never its token). */
  record Link(long id, String kind, String email, String personName, String language, String registration,
      String organisationId, String invitedBy, Instant expiresAt, Instant usedAt) {

    boolean isSignUp() {
      return SIGN_UP.equals(kind);
    }

    boolean isValidAt(Instant now) {
      return usedAt == null && now.isBefore(expiresAt);
    }
  }

  /** What activation made: the user, and for a sign-up its case's reference. */
  public record Activated(String userId, String reference, String organisationName, boolean newAccount) {
  }

  /** A link that is unknown (404), or used or expired (410): nothing was changed. */
  static final class LinkNotValidException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final boolean known;

    LinkNotValidException(boolean known) {
      super(known ? "This link has been used or has expired" : "There is no such link");
      this.known = known;
    }

    boolean known() {
      return known;
    }
  }

  private final JdbcTemplate jdbc;
  private final IdentityService identityService;
  private final Applications applications;
  private final Organisations organisations;
  private final NotificationTemplates templates;
  private final MailOutbox outbox;
  private final Duration validity;
  private final String publicUrl;
  private final String loginPath;

  AccountLinks(JdbcTemplate jdbc, IdentityService identityService, Applications applications,
      Organisations organisations, NotificationTemplates templates, MailOutbox outbox,
      @Value("${equitymark.signup.link-validity}") Duration validity,
      @Value("${equitymark.public-url}") String publicUrl,
      @Value("${equitymark.signup.login-path}") String loginPath) {
    this.jdbc = jdbc;
    this.identityService = identityService;
    this.applications = applications;
    this.organisations = organisations;
    this.templates = templates;
    this.outbox = outbox;
    this.validity = validity;
    this.publicUrl = publicUrl;
    this.loginPath = loginPath;
    if (validity.isNegative() || validity.isZero()) {
      throw new IllegalArgumentException("equitymark.signup.link-validity must be positive");
    }
  }

  /**
   * A sign-up with registration fields already checked: mails a link to the contact, or, when the
   * address has an account already, a mail saying so (the caller answers the same either way, so
   * that nobody learns from it whether an address is known). A newer sign-up replaces an unused one.
   */
  public void signUp(Map<String, Object> registration) {
    String email = normalised((String) registration.get(CertificationProcess.CONTACT_EMAIL.name()));
    String name = ((String) registration.get(CertificationProcess.CONTACT_NAME.name())).strip();
    String language = language((String) registration.get(CertificationProcess.PREFERRED_LANGUAGE.name()));
    Map<String, Object> kept = new LinkedHashMap<>(registration);
    kept.put(CertificationProcess.CONTACT_EMAIL.name(), email);
    kept.put(CertificationProcess.PREFERRED_LANGUAGE.name(), language);
    List<String> accounts = accountsOf(email);
    if (!accounts.isEmpty()) {
      send("signup.mail.known", email, language, Map.of("contactName", name,
          "userIds", String.join(", ", accounts), "loginUrl", publicUrl + loginPath));
      return;
    }
    jdbc.update("update em_account_link set used_at = ? where email = ? and kind = ? and used_at is null",
        Timestamp.from(now()), email, SIGN_UP);
    String token = newLink(SIGN_UP, email, name, language, json(kept), null, null);
    send("signup.mail.activate", email, language, Map.of("contactName", name,
        "organisationName", kept.get(CertificationProcess.ORGANISATION_NAME.name()),
        "activationUrl", activationUrl(token), "hours", validity.toHours()));
  }

  /**
   * A member of an organisation invites a colleague to act for it too: a link to make an account (or,
   * for an address with an account already, to join the organisation with it).
   */
  public void invite(String organisationId, String invitedBy, String name, String email, String language) {
    Organisation organisation = organisations.find(organisationId)
        .orElseThrow(() -> new IllegalArgumentException("No organisation " + organisationId));
    String address = normalised(email);
    String lang = language(language);
    String token = newLink(INVITATION, address, name.strip(), lang, null, organisationId, invitedBy);
    send("signup.mail.invitation", address, lang, Map.of("contactName", name.strip(), "invitedBy", invitedBy,
        "organisationName", organisation.name(), "activationUrl", activationUrl(token), "hours", validity.toHours()));
  }

  /** The link of a token, if it can still be used. */
  @Transactional(readOnly = true)
  public Link valid(String token) {
    Link link = find(token, false).orElseThrow(() -> new LinkNotValidException(false));
    if (!link.isValidAt(now())) {
      throw new LinkNotValidException(true);
    }
    return link;
  }

  /** The organisation an invitation is for, for the page. */
  @Transactional(readOnly = true)
  public Optional<String> organisationName(Link link) {
    return Optional.ofNullable(link.organisationId()).flatMap(organisations::find).map(Organisation::name);
  }

  /**
   * Follows a link once: creates the account with the password chosen (Camunda's password policy),
   * in {@code applicants}; a sign-up's case starts, as the new user, from the registration kept; an
   * invited colleague joins the organisation. All in one transaction: a refusal changes nothing.
   */
  public Activated activate(String token, String password) {
    Link link = find(token, true).orElseThrow(() -> new LinkNotValidException(false));
    if (!link.isValidAt(now())) {
      throw new LinkNotValidException(true);
    }
    List<String> accounts = accountsOf(link.email());
    if (!accounts.isEmpty()) {
      if (link.isSignUp()) {
        throw new LinkNotValidException(true);
      }
      String userId = accounts.get(0);
      organisations.addMember(userId, link.organisationId());
      markUsed(link, userId);
      return new Activated(userId, null, organisationName(link).orElse(null), false);
    }
    User user = identityService.newUser(newUserId(link.personName()));
    int space = link.personName().lastIndexOf(' ');
    user.setFirstName(space > 0 ? link.personName().substring(0, space) : link.personName());
    user.setLastName(space > 0 ? link.personName().substring(space + 1) : "");
    user.setEmail(link.email());
    checkPassword(password, user);
    user.setPassword(password);
    identityService.saveUser(user);
    identityService.createMembership(user.getId(), Groups.APPLICANTS);
    markUsed(link, user.getId());
    if (!link.isSignUp()) {
      organisations.addMember(user.getId(), link.organisationId());
      return new Activated(user.getId(), null, organisationName(link).orElse(null), true);
    }
    Applications.Started started = ActingUser.as(identityService, user.getId(),
        () -> applications.start(registration(link)));
    return new Activated(user.getId(), started.reference(),
        organisations.find(started.organisationId()).map(Organisation::name).orElse(null), true);
  }

  private void checkPassword(String password, User user) {
    if (password == null || password.isEmpty() || password.length() > 200) {
      throw new InvalidSubmissionException("password", Map.of("password", "is required, at most 200 characters"));
    }
    PasswordPolicy policy = PasswordPolicies.effective(identityService);
    PasswordPolicyResult result = identityService.checkPasswordAgainstPolicy(policy, password, user);
    if (!result.isValid()) {
      throw new InvalidSubmissionException("password", Map.of("password", "does not meet the password policy: "
          + String.join(", ", result.getViolatedRules().stream().map(rule -> rule.getPlaceholder()).toList())));
    }
  }

  private void markUsed(Link link, String userId) {
    if (jdbc.update("update em_account_link set used_at = ?, user_id = ? where id = ? and used_at is null",
        Timestamp.from(now()), userId, link.id()) != 1) {
      throw new LinkNotValidException(true);
    }
  }

  private String newLink(String kind, String email, String name, String language, String registration,
      String organisationId, String invitedBy) {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Instant now = now();
    jdbc.update("insert into em_account_link (kind, token_hash, email, person_name, preferred_language, registration, "
            + "organisation_id, invited_by, created_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        kind, hash(token), email, name, language, registration, organisationId, invitedBy, Timestamp.from(now),
        Timestamp.from(now.plus(validity)));
    return token;
  }

  private Optional<Link> find(String token, boolean forUpdate) {
    if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
      return Optional.empty();
    }
    return jdbc.query("select " + COLUMNS + " from em_account_link where token_hash = ?" + (forUpdate ? " for update" : ""),
        AccountLinks::link, hash(token)).stream().findFirst();
  }

  /** The user ids of the accounts with this address. */
  private List<String> accountsOf(String email) {
    return identityService.createUserQuery().userEmail(email).listPage(0, 10).stream().map(User::getId).toList();
  }

  /** A readable, free user id from the person's name: "Jordan Lee" is jordan-lee, then jordan-lee-2, … */
  String newUserId(String name) {
    String base = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (base.length() > MAX_USER_ID) {
      base = base.substring(0, MAX_USER_ID).replaceAll("-+$", "");
    }
    if (base.isEmpty()) {
      base = "applicant";
    }
    String candidate = base;
    for (int n = 2; identityService.createUserQuery().userId(candidate).count() > 0; n++) {
      candidate = base + "-" + n;
    }
    return candidate;
  }

  /**
   * Records the mail in this transaction's outbox (notification/MailOutbox): sent once it commits,
   * and later if the mail server is away, so a sign-up is never lost to an SMTP outage.
   */
  private void send(String key, String to, String language, Map<String, Object> model) {
    outbox.record("account:" + to, key, templates.renderMessage(key, to, Locale.forLanguageTag(language), model));
  }

  private String activationUrl(String token) {
    return publicUrl + "/apply/activate?token=" + token;
  }

  private static Map<String, Object> registration(Link link) {
    try {
      return JSON.readValue(link.registration(), new TypeReference<Map<String, Object>>() { });
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The registration kept with sign-up " + link.id() + " is not JSON", e);
    }
  }

  private static String json(Map<String, Object> registration) {
    try {
      return JSON.writeValueAsString(registration);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String normalised(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  private static String language(String language) {
    return "cy".equals(language) ? "cy" : "en";
  }

  private static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Instant now() {
    return ClockUtil.now().toInstant();
  }

  private static Link link(ResultSet rs, int row) throws SQLException {
    Timestamp used = rs.getTimestamp(10);
    return new Link(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant(),
        used == null ? null : used.toInstant());
  }
}
