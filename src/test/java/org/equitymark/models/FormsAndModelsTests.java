package org.equitymark.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.equitymark.framework.EvidenceFramework;
import org.equitymark.submission.Field;
import org.equitymark.submission.SubmissionForm;
import org.equitymark.support.ProcessTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The models, the forms and the server's rules must agree: a designer who renames a field in
 * Camunda Modeler, or a form that is not deployed, fails here before it fails a user.
 */
class FormsAndModelsTests extends ProcessTestSupport {

  private static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "checkbox",
      "checklist", "radio", "select", "datetime", "taglist", "dynamiclist");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired RepositoryService repositoryService;
  @Autowired List<SubmissionForm> submissionForms;
  // until the forms take their options from the case's version, they list the version new cases record
  private final EvidenceFramework framework = org.equitymark.framework.TestFrameworks.latest();

  @Test
  void shouldDeployEveryFormUnderItsOwnId() throws IOException {
    Set<String> deployed = repositoryService.createDeploymentQuery().list().stream()
        .flatMap(d -> repositoryService.getDeploymentResourceNames(d.getId()).stream())
        .collect(Collectors.toSet());
    for (Path file : forms()) {
      String id = file.getFileName().toString().replace(".form", "");
      assertThat(form(file).get("id").asText()).as("the id inside %s", file).isEqualTo(id);
      // resource names are classpath locations: a folder on disk in development, the jar in production
      assertThat(deployed).as("deployed resources")
          .anyMatch(name -> name.replace('\\', '/').endsWith("/" + file.getFileName()) || name.equals(file.getFileName().toString()));
    }
  }

  @Test
  void shouldResolveEveryFormRefOfEveryUserTaskAndStartEvent() throws IOException {
    Set<String> formIds = forms().stream().map(f -> f.getFileName().toString().replace(".form", ""))
        .collect(Collectors.toSet());
    List<FlowNode> withForms = formNodes();
    assertThat(withForms).isNotEmpty();
    for (FlowNode node : withForms) {
      assertThat(formRef(node)).as("formRef of %s", node.getId()).isNotNull().isIn(formIds);
    }
  }

  @Test
  void shouldAcceptEveryInputOfEveryFormOnTheServer() throws IOException {
    Map<String, SubmissionForm> byActivity = new HashMap<>();
    submissionForms.forEach(f -> byActivity.put(f.activityId(), f));
    for (FlowNode node : formNodes()) {
      SubmissionForm rules = byActivity.get(node.getId());
      assertThat(rules).as("server rules for %s", node.getId()).isNotNull();
      Set<String> allowed = rules.fields().stream().map(Field::name).collect(Collectors.toSet());
      Set<String> keys = inputKeys(form(Path.of("forms", formRef(node) + ".form")));
      assertThat(allowed).as("fields the server accepts for %s (form %s)", node.getId(), formRef(node))
          .containsAll(keys);
    }
  }

  @Test
  void shouldUseOnlyVariablesOfTheContractAsFormFieldKeys() throws IOException {
    // given: the variables the process declares (CertificationProcess), per-area ones included
    Set<String> contract = contractVariables();
    assertThat(contract).contains("organisationName", "leadershipIndicators", "outcomesAssessorComment");

    // then: every input of every form writes one of them
    for (Path file : forms()) {
      for (String key : inputKeys(form(file))) {
        assertThat(key).as("field key in %s", file.getFileName()).isIn(contract);
      }
    }
  }

  @Test
  void shouldReferenceEveryFormFromTheModel() throws IOException {
    // given
    Set<String> referenced = formNodes().stream().map(FormsAndModelsTests::formRef).collect(Collectors.toSet());

    // then: a form no task uses is a form a designer edits in vain
    for (Path file : forms()) {
      assertThat(file.getFileName().toString().replace(".form", "")).as("form %s used by a formRef", file.getFileName())
          .isIn(referenced);
    }
  }

  /** The variables every process API class declares (one class per process, as STYLE.md asks). */
  private static final List<Class<?>> PROCESS_APIS = List.of(org.equitymark.process.CertificationProcess.class,
      org.equitymark.monitoring.MonitoringProcess.class, org.equitymark.training.TrainingFollowUpProcess.class,
      org.equitymark.frameworkreview.FrameworkReviewProcess.class,
      org.equitymark.feedback.FeedbackTriageProcess.class,
      org.equitymark.allocation.AssessorDeclarationProcess.class);

  private static Set<String> contractVariables() {
    Set<String> names = new HashSet<>();
    for (Class<?> api : PROCESS_APIS) {
      for (java.lang.reflect.Field field : api.getFields()) {
        if (java.lang.reflect.Modifier.isStatic(field.getModifiers())
            && field.getType() == org.equitymark.process.Variable.class) {
          try {
            names.add(((org.equitymark.process.Variable<?>) field.get(null)).name());
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
    for (String area : EvidenceFramework.AREA_IDS) {
      names.add(org.equitymark.process.CertificationProcess.indicators(area).name());
      names.add(org.equitymark.process.CertificationProcess.evidence(area).name());
      names.add(org.equitymark.process.CertificationProcess.claims(area).name());
      names.add(org.equitymark.process.CertificationProcess.confirmedIndicators(area).name());
      names.add(org.equitymark.process.CertificationProcess.assessorComment(area).name());
    }
    return names;
  }

  @Test
  void shouldTakeIndicatorOptionsFromTheCasesVersionNotFromTheForm() throws IOException {
    for (String formId : List.of("self-assessment", "assessment")) {
      Map<String, JsonNode> checklists = checklists(form(Path.of("forms", formId + ".form")));
      for (String area : EvidenceFramework.AREA_IDS) {
        String key = area + (formId.equals("assessment") ? "ConfirmedIndicators" : "Indicators");
        JsonNode checklist = checklists.get(key);
        assertThat(checklist.path("valuesKey").asText()).as("%s in %s", key, formId)
            .isEqualTo(org.equitymark.process.CertificationProcess.indicatorOptions(area).name());
        assertThat(checklist.has("values")).as("%s in %s lists no options of its own", key, formId).isFalse();
      }
    }
  }

  /** DOMAIN.md §3: the framework is versioned data, never copied into forms. */
  @Test
  void shouldHoldNoIndicatorTextOfAnyVersionInAnyForm() throws IOException {
    List<Path> forms;
    try (var files = Files.list(Path.of("forms"))) {
      forms = files.filter(f -> f.toString().endsWith(".form")).toList();
    }
    for (EvidenceFramework version : org.equitymark.framework.TestFrameworks.all().versions()) {
      for (EvidenceFramework.Indicator indicator : version.indicatorsById().values()) {
        for (Path file : forms) {
          String text = allText(form(file), new StringBuilder()).toString();
          for (String wording : java.util.stream.Stream.of(indicator.text(), indicator.textCy(), indicator.guidance())
              .filter(w -> w != null && w.length() > 20).toList()) {
            assertThat(text).as("%s holds the text of %s (version %s)", file, indicator.id(), version.version())
                .doesNotContain(wording);
          }
        }
      }
    }
  }

  /** Every string of a form's JSON, one a line. */
  private static StringBuilder allText(JsonNode node, StringBuilder text) {
    if (node.isTextual()) {
      text.append(node.asText()).append('\n');
    }
    node.forEach(child -> allText(child, text));
    return text;
  }

  private static List<FlowNode> formNodes() throws IOException {
    List<FlowNode> nodes = new ArrayList<>();
    List<Path> models;
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      models = files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
    }
    assertThat(models).as("processes/*.bpmn").isNotEmpty();
    for (Path file : models) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      nodes.addAll(model.getModelElementsByType(UserTask.class));
      model.getModelElementsByType(StartEvent.class).stream().filter(s -> formRef(s) != null).forEach(nodes::add);
    }
    return nodes;
  }

  private static String formRef(FlowNode node) {
    return node.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
  }

  private static List<Path> forms() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      return files.filter(f -> f.toString().endsWith(".form")).sorted().toList();
    }
  }

  private static JsonNode form(Path file) throws IOException {
    return JSON.readTree(file.toFile());
  }

  /** Top-level input keys (a dynamic list's items are checked by the server as one JSON value). */
  private static Set<String> inputKeys(JsonNode container) {
    Set<String> keys = new HashSet<>();
    for (JsonNode component : container.path("components")) {
      String type = component.path("type").asText();
      if (INPUT_TYPES.contains(type)) {
        keys.add(type.equals("dynamiclist") ? component.path("path").asText(component.path("key").asText())
            : component.path("key").asText());
      } else if (component.has("components")) {
        keys.addAll(inputKeys(component));
      }
    }
    return keys;
  }

  private static Map<String, JsonNode> checklists(JsonNode container) {
    Map<String, JsonNode> found = new HashMap<>();
    for (JsonNode component : container.path("components")) {
      if (component.path("type").asText().equals("checklist")) {
        found.put(component.path("key").asText(), component);
      } else if (component.has("components")) {
        found.putAll(checklists(component));
      }
    }
    return found;
  }
}
