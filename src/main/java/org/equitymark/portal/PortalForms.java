package org.equitymark.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * Reads a task's deployed Camunda Form and turns it into the components the task page shows, and a
 * submitted HTML form back into the variables Tasklist would send: text as strings, numbers as
 * numbers, a checkbox as a boolean, a checklist as a Json list (Spin). Only the form's own keys are
 * taken; the engine's submission checks decide the rest.
 */
@Component
class PortalForms {

  static final Set<String> INPUTS = Set.of("textfield", "textarea", "number", "checkbox", "checklist", "radio",
      "select", "datetime", "taglist");
  private static final Set<String> SHOWN = Set.of("text", "group", "separator", "spacer");
  private static final ObjectMapper JSON = new ObjectMapper();

  JsonNode schema(InputStream deployedForm) {
    try (deployedForm) {
      return JSON.readTree(deployedForm);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The components to show, with the values of the case (or of the refused submission) and the problems beside them. */
  List<FormView> views(JsonNode schema, Map<String, Object> variables, Map<String, String> problems) {
    return componentViews(schema.path("components"), variables, problems);
  }

  private List<FormView> componentViews(JsonNode components, Map<String, Object> variables, Map<String, String> problems) {
    List<FormView> views = new ArrayList<>();
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      if (hidden(component, variables) || !(INPUTS.contains(type) || SHOWN.contains(type))) {
        continue;
      }
      String key = INPUTS.contains(type) ? component.path("key").asText(null) : null;
      Object value = key == null ? null : variables.get(key);
      List<FormView.Option> options = options(component, variables, value);
      JsonNode validate = component.path("validate");
      views.add(new FormView(type, component.path("id").asText(), key, text(component, "label", variables),
          text(component, "description", variables),
          "text".equals(type) ? FormTexts.html(component.path("text").asText(""), variables) : null,
          options, scalar(value), validate.path("required").asBoolean(false),
          validate.has("maxLength") ? validate.path("maxLength").asInt() : null,
          key == null ? null : problems.get(key),
          "group".equals(type) ? componentViews(component.path("components"), variables, problems) : List.of()));
    }
    return views;
  }

  private static boolean hidden(JsonNode component, Map<String, Object> variables) {
    String hide = component.path("conditional").path("hide").asText(null);
    return hide != null && FormTexts.isTrue(hide, variables);
  }

  private static String text(JsonNode component, String property, Map<String, Object> variables) {
    String text = component.path(property).asText(null);
    if (text != null && text.startsWith("=")) {
      Object value = FormTexts.evaluate(text, variables);
      return value == null ? null : String.valueOf(value);
    }
    return text;
  }

  private static List<FormView.Option> options(JsonNode component, Map<String, Object> variables, Object value) {
    List<FormView.Option> options = new ArrayList<>();
    JsonNode values = component.path("values");
    if (component.has("valuesKey")) {
      values = JSON.valueToTree(variables.getOrDefault(component.path("valuesKey").asText(), List.of()));
    }
    Collection<?> chosen = value instanceof Collection<?> list ? list : value == null ? List.of() : List.of(value);
    List<String> chosenText = chosen.stream().map(String::valueOf).toList();
    for (JsonNode option : values) {
      String optionValue = option.path("value").asText();
      options.add(new FormView.Option(optionValue, option.path("label").asText(optionValue), chosenText.contains(optionValue)));
    }
    return options;
  }

  private static String scalar(Object value) {
    return value == null || value instanceof Collection<?> ? null : String.valueOf(value);
  }

  /** The variables a browser's form sends for the form's fields, typed as Tasklist types them. */
  VariableMap submission(JsonNode schema, Map<String, Object> caseValues, MultiValueMap<String, String> posted,
      Map<String, String> problems) {
    VariableMap variables = Variables.createVariables();
    for (JsonNode component : inputs(schema.path("components"), new ArrayList<>())) {
      if (hidden(component, caseValues)) {
        continue;
      }
      String key = component.path("key").asText();
      String type = component.path("type").asText();
      List<String> sent = posted.getOrDefault(key, List.of());
      switch (type) {
        case "checkbox" -> variables.putValue(key, sent.contains("true"));
        case "checklist", "taglist" -> {
          try {
            variables.putValue(key, SpinValues.jsonValue(JSON.writeValueAsString(sent)).create());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        case "number" -> {
          String text = sent.isEmpty() ? "" : sent.get(0).strip();
          if (text.isEmpty()) {
            continue;
          }
          try {
            variables.putValue(key, text.contains(".") ? (Object) Double.parseDouble(text) : (Object) Long.parseLong(text));
          } catch (NumberFormatException e) {
            problems.put(key, "must be a number");
          }
        }
        default -> {
          if (!sent.isEmpty()) {
            variables.putValue(key, sent.get(0));
          }
        }
      }
    }
    return variables;
  }

  /** What the form would show again after a refused submission: the case's values with the sent ones over them. */
  Map<String, Object> redisplay(Map<String, Object> variables, MultiValueMap<String, String> posted, JsonNode schema) {
    Map<String, Object> values = new LinkedHashMap<>(variables);
    for (JsonNode component : inputs(schema.path("components"), new ArrayList<>())) {
      String key = component.path("key").asText();
      List<String> sent = posted.getOrDefault(key, List.of());
      String type = component.path("type").asText();
      values.put(key, "checklist".equals(type) || "taglist".equals(type) ? sent
          : "checkbox".equals(type) ? sent.contains("true") : sent.isEmpty() ? null : sent.get(0));
    }
    return values;
  }

  /** The case's variables as plain values (Json variables as lists and maps), as FEEL and the page read them. */
  static Map<String, Object> plain(Map<String, Object> variables) {
    Map<String, Object> plain = new LinkedHashMap<>();
    variables.forEach((name, value) -> {
      if (value instanceof org.camunda.spin.json.SpinJsonNode json) {
        try {
          plain.put(name, JSON.readValue(json.toString(), Object.class));
        } catch (IOException e) {
          plain.put(name, null);
        }
      } else {
        plain.put(name, value);
      }
    });
    return plain;
  }

  private static List<JsonNode> inputs(JsonNode components, List<JsonNode> found) {
    for (JsonNode component : components) {
      if (INPUTS.contains(component.path("type").asText()) && component.hasNonNull("key")) {
        found.add(component);
      }
      if (component.has("components")) {
        inputs(component.path("components"), found);
      }
    }
    return found;
  }
}
