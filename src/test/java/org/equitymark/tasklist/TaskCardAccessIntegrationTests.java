package org.equitymark.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equitymark.process.CertificationProcess.Elements.CONFIRM_PAYMENT;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.equitymark.access.Groups;
import org.equitymark.support.HttpTestSupport;
import org.equitymark.support.RestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Staff read which case a task is about from its card, as Tasklist asks for it (a filter's list as
 * HAL with the filter's variables), and still cannot read the case itself: no staff group but the
 * scheme managers holds READ on a process instance it does not work on.
 */
class TaskCardAccessIntegrationTests extends HttpTestSupport {

  @Autowired AuthorizationService authorizationService;

  @Test
  void shouldShowFinanceWhichCaseEachPaymentIsWithoutOpeningTheCase() {
    // given a registered case waiting for its payment
    RestClient applicant = user("cards-applicant", Groups.APPLICANTS);
    RestClient finance = user("cards-finance", Groups.FINANCE);
    Map<String, Object> registration = registration("cards@provider.example");
    registration.put("workplaceArea", "Crisis Team East");
    String reference = applicant.post("/api/applications", registration).json().get("reference").asText();
    String payment = awaitTask(finance, reference, CONFIRM_PAYMENT);

    // when finance opens Tasklist: its filters in Tasklist's order
    List<JsonNode> filters = filters(finance);

    // then its own queue comes first and "My tasks" after it
    assertThat(filters).extracting(f -> f.get("name").asText()).startsWith("Payments to confirm", "My tasks");

    // and the queue's card names the case: reference, organisation, area, due date
    JsonNode card = card(finance, filters.get(0).get("id").asText(), payment);
    assertThat(card.get("due").asText()).isNotBlank();
    Map<String, String> shown = cardVariables(card);
    assertThat(shown).containsEntry("cardReference", reference)
        .containsEntry("cardOrganisation", "Journey <b>Mental</b> Health & Care")
        .containsEntry("cardWorkplaceArea", "Crisis Team East");

    // but the case itself stays closed to finance: no instance, no case variables
    String instance = card.get("processInstanceId").asText();
    assertThat(finance.get("/engine-rest/process-instance/" + instance).status()).isIn(403, 404);
    assertThat(finance.get("/engine-rest/process-instance/" + instance + "/variables").status()).isIn(403, 404);
    JsonNode readable = finance.get("/engine-rest/variable-instance?maxResults=100&processInstanceIdIn=" + instance).json();
    assertThat(readable).extracting(v -> v.get("name").asText()).isNotEmpty()
        // only the task's own: its card and the literal copy of the people's text its form shows (decision 34)
        .allSatisfy(name -> assertThat(name).matches("card[A-Z].*|asWritten"));
    assertThat(finance.get("/engine-rest/history/process-instance?processInstanceId=" + instance).json()).isEmpty();
  }

  @Test
  void shouldGiveNoStaffGroupButTheSchemeManagersReadOnProcessInstances() {
    // given a case any staff member might hold a task of
    RestClient applicant = user("cards-applicant-2", Groups.APPLICANTS);
    String reference = applicant.post("/api/applications", registration("cards2@provider.example")).json()
        .get("reference").asText();
    RestClient manager = user("cards-manager", Groups.SCHEME_MANAGERS);
    String instance = manager.get("/engine-rest/process-instance?businessKey=" + reference).json().get(0).get("id").asText();

    // then no task-working group may read it, nor any instance (history follows the definition's grants)
    for (String group : Groups.TASK_WORKERS) {
      for (String resourceId : List.of("*", instance)) {
        assertThat(authorizationService.isUserAuthorized(null, List.of(group), Permissions.READ,
            Resources.PROCESS_INSTANCE, resourceId)).as(group + " READ process instance " + resourceId).isFalse();
      }
      assertThat(authorizationService.isUserAuthorized(null, List.of(group), Permissions.READ_INSTANCE,
          Resources.PROCESS_DEFINITION, "certification")).as(group + " READ_INSTANCE on the definition").isFalse();
      assertThat(authorizationService.isUserAuthorized(null, List.of(group), Permissions.READ_HISTORY,
          Resources.PROCESS_DEFINITION, "certification")).as(group + " READ_HISTORY on the definition").isFalse();
    }
    assertThat(authorizationService.isUserAuthorized(null, List.of(Groups.SCHEME_MANAGERS), Permissions.READ,
        Resources.PROCESS_INSTANCE, instance)).isTrue();
  }

  /** The filters a user sees, in Tasklist's order: by priority, then name. */
  private static List<JsonNode> filters(RestClient client) {
    List<JsonNode> filters = new ArrayList<>();
    client.get("/engine-rest/filter?resourceType=Task&itemCount=false").json().forEach(filters::add);
    filters.sort(Comparator.<JsonNode>comparingInt(f -> f.path("properties").path("priority").asInt())
        .thenComparing(f -> f.get("name").asText()));
    return filters;
  }

  /** The task as Tasklist lists it in the filter: HAL, with the filter's variables embedded. */
  private static JsonNode card(RestClient client, String filterId, String taskId) {
    JsonNode list = client.post("/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=50",
        new HashMap<>(), "application/hal+json").json();
    return StreamSupport.stream(list.path("_embedded").path("task").spliterator(), false)
        .filter(task -> task.get("id").asText().equals(taskId)).findFirst()
        .orElseThrow(() -> new AssertionError("Task " + taskId + " not in the filter's list: " + list));
  }

  private static Map<String, String> cardVariables(JsonNode task) {
    Map<String, String> variables = new HashMap<>();
    task.path("_embedded").path("variable").forEach(v -> variables.put(v.get("name").asText(), v.get("value").asText()));
    return variables;
  }
}
