package org.equitymark.allocation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.equitymark.registration.Organisation;
import org.equitymark.registration.Organisations;
import org.equitymark.submission.FormText;
import org.springframework.stereotype.Component;

/**
 * An assessor's own declaration (process {@code assessor-declaration}): what its form starts from (the
 * confirmed declaration in the pool, organisations to choose by name), what it may contain, and what a
 * confirmation writes to the pool.
 */
@Component
public class AssessorDeclarations {

  /** Organisations offered by name; more than this would not be a usable list in a form. */
  static final int MAX_ORGANISATIONS = 5000;
  static final int MAX_TIES = 200;
  static final List<String> GENDERS = List.of("woman", "man", "non-binary", "not-declared");
  static final List<String> MINORITISED = List.of("yes", "no", "not-declared");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AssessorPool pool;
  private final Organisations organisations;
  private final IdentityService identityService;

  AssessorDeclarations(AssessorPool pool, Organisations organisations, IdentityService identityService) {
    this.pool = pool;
    this.organisations = organisations;
    this.identityService = identityService;
  }

  /** The form's starting point: the assessor's confirmed declaration, or nothing declared yet. */
  Map<String, String> prefill(String userId) {
    Optional<AssessorDeclaration> current = pool.declarationOf(userId);
    List<Map<String, String>> ties = current.map(AssessorDeclaration::ties).orElse(List.of()).stream()
        .map(tie -> Map.of("organisationId", tie.organisationId(), "tie", tie.tie())).toList();
    Map<String, String> values = new LinkedHashMap<>();
    values.put("organisationOptions", json(organisations.all(MAX_ORGANISATIONS).stream()
        .map(o -> Map.of("value", o.organisationId(), "label", o.name() + " (" + o.organisationId() + ")")).toList()));
    values.put("declaredTies", json(ties));
    values.put("gender", current.map(d -> d.gender().id()).orElse("not-declared"));
    values.put("minoritised", current.map(d -> d.minoritised().id()).orElse("not-declared"));
    return values;
  }

  /**
   * The ties of a submitted {@code declaredTies} list, or the reason it is wrong: each names an
   * organisation of the scheme (once) and a tie of {@link AssessorDeclaration#TIES}.
   */
  Ties parse(String json) {
    JsonNode list;
    try {
      list = json == null ? null : JSON.readTree(json);
    } catch (JsonProcessingException e) {
      list = null;
    }
    if (list == null || !list.isArray() || list.size() > MAX_TIES) {
      return Ties.wrong("must be a list of at most " + MAX_TIES + " ties, each an organisation and a tie");
    }
    List<AssessorDeclaration.Tie> ties = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      String organisationId = item.path("organisationId").isTextual() ? item.path("organisationId").asText() : null;
      String tie = item.path("tie").isTextual() ? item.path("tie").asText() : null;
      if (!item.isObject() || item.size() != 2 || organisationId == null || tie == null) {
        return Ties.wrong("tie " + (i + 1) + " needs an organisation and a tie, and nothing else");
      }
      if (!AssessorDeclaration.TIES.contains(tie)) {
        return Ties.wrong("tie " + (i + 1) + " must be one of " + String.join(", ", AssessorDeclaration.TIES));
      }
      if (!organisationId.matches("[0-9]{1,20}") || organisations.find(organisationId).isEmpty()) {
        return Ties.wrong("tie " + (i + 1) + " names no organisation of the scheme; choose one from the list");
      }
      if (!seen.add(organisationId)) {
        return Ties.wrong("tie " + (i + 1) + " names an organisation already declared above");
      }
      ties.add(new AssessorDeclaration.Tie(organisationId, tie));
    }
    return new Ties(ties, null);
  }

  /** What the scheme manager reads: each tie with the organisation's name as literal text. */
  String summary(List<AssessorDeclaration.Tie> ties, String gender, String minoritised) {
    Set<String> confirmed = new HashSet<>();
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("ties", ties.stream().map(tie -> Map.of(
        "organisation", FormText.literal(organisations.find(tie.organisationId()).map(Organisation::name).orElse("?")
            + " (" + tie.organisationId() + ")"),
        "tie", tie.tie())).toList());
    summary.put("gender", gender);
    summary.put("minoritised", minoritised);
    summary.put("tieCount", ties.size());
    return json(summary);
  }

  /**
   * Writes a confirmed declaration to the pool (its ties replace the confirmed ones; a new assessor
   * enters the pool active) and answers the organisations it is newly tied with.
   */
  Set<String> confirm(String userId, List<AssessorDeclaration.Tie> ties, String gender, String minoritised) {
    Optional<AssessorDeclaration> current = pool.declarationOf(userId);
    Set<String> before = current.map(d -> d.ties().stream().map(AssessorDeclaration.Tie::organisationId)
        .collect(Collectors.toSet())).orElse(Set.of());
    pool.save(new AssessorDeclaration(userId, current.map(AssessorDeclaration::displayName).orElseGet(() -> nameOf(userId)),
        Assessor.Gender.fromId(gender), Assessor.Minoritised.fromId(minoritised),
        current.map(AssessorDeclaration::active).orElse(true), ties));
    return ties.stream().map(AssessorDeclaration.Tie::organisationId).filter(id -> !before.contains(id))
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }

  private String nameOf(String userId) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    String name = user == null ? "" : ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.length() < 2 ? userId : name;
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Ties read from a submission, or why they cannot be. */
  record Ties(List<AssessorDeclaration.Tie> ties, String problem) {
    static Ties wrong(String problem) {
      return new Ties(List.of(), problem);
    }
  }
}
