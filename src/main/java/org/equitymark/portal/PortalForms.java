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
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.equitymark.submission.AsWritten;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * Reads a task's deployed Camunda Form and turns it into the components the task page shows, and a
 * submitted HTML form back into the variables Tasklist would send: text as strings, numbers as
 * numbers, a checkbox as a boolean, a checklist as a Json list (Spin), a dynamic list's rows as a
 * Json list of objects (its rows posted as {@code path[index].key}). Only the form's own keys are
 * taken; the engine's submission checks decide the rest.
 */
@Component
class PortalForms {

  static final Set<String> INPUTS = Set.of("textfield", "textarea", "number", "checkbox", "checklist", "radio",
      "select", "datetime", "taglist");
  private static final Set<String> SHOWN = Set.of("text", "group", "separator", "spacer", "expression");
  /** Components holding rows of inputs under a {@code path}. */
  static final Set<String> LISTS = Set.of("dynamiclist");
  /** The request parameter of the buttons that add or remove a dynamic list's row without submitting. */
  static final String LIST_CHANGE = "_list";
  static final int MAX_ROWS = 100;
  private static final ObjectMapper JSON = new ObjectMapper();

  JsonNode schema(InputStream deployedForm) {
    try (deployedForm) {
      return JSON.readTree(deployedForm);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The components to show, with the values of the case (or of the refused submission) and the problems beside them. */
  List<FormView> views(JsonNode schema, Map<String, Object> variables, Map<String, String> problems,
      FormTranslations.Translation language) {
    return componentViews(schema.path("components"), variables, "", problems, language);
  }

  /**
   * The views of some components; {@code prefix} names the inputs of a dynamic list's row
   * ({@code path[index].}), whose own values are {@code this} in the variables.
   */
  private List<FormView> componentViews(JsonNode components, Map<String, Object> variables, String prefix,
      Map<String, String> problems, FormTranslations.Translation language) {
    List<FormView> views = new ArrayList<>();
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      if (hidden(component, variables) || !(INPUTS.contains(type) || SHOWN.contains(type) || LISTS.contains(type))) {
        continue;
      }
      String key = INPUTS.contains(type) || LISTS.contains(type) || "expression".equals(type) ? keyOf(component) : null;
      Object value = key == null ? null : "expression".equals(type)
          ? FormTexts.evaluate(component.path("expression").asText(""), variables) : valueOf(key, variables, prefix);
      String name = key == null ? null : prefix + key;
      List<FormView.Option> options = options(component, variables, value, language);
      JsonNode validate = component.path("validate");
      boolean readonly = "dynamiclist".equals(type) ? !component.path("allowAddRemove").asBoolean(false)
          : component.has("readonly") && (component.path("readonly").isBoolean()
              ? component.path("readonly").asBoolean() : FormTexts.isTrue(component.path("readonly").asText(), variables));
      views.add(new FormView(type, component.path("id").asText() + (prefix.isEmpty() ? "" : "-" + rowIndex(prefix)),
          name, label(component, variables, language), text(component, "description", variables, language),
          "text".equals(type) ? FormTexts.html(language.text(component, "text", component.path("text").asText("")), variables)
              : null,
          options, scalar(value), validate.path("required").asBoolean(false),
          validate.has("maxLength") ? validate.path("maxLength").asInt() : null,
          name == null ? null : problems.get(name),
          "group".equals(type) ? componentViews(component.path("components"), variables, prefix, problems, language)
              : List.of(),
          readonly, "dynamiclist".equals(type) ? rowViews(component, variables, problems, language) : List.of()));
    }
    return views;
  }

  /** A dynamic list's rows: the values it has, or as many empty rows as it starts with. */
  private List<FormView.Row> rowViews(JsonNode list, Map<String, Object> variables, Map<String, String> problems,
      FormTranslations.Translation language) {
    String path = keyOf(list);
    List<?> rows = variables.get(path) instanceof List<?> given ? given : List.of();
    int count = Math.max(rows.size(), list.path("defaultRepetitions").asInt(0));
    List<FormView.Row> views = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Map<String, Object> rowVariables = new LinkedHashMap<>(variables);
      rowVariables.put("this", i < rows.size() && rows.get(i) instanceof Map<?, ?> row ? row : Map.of());
      views.add(new FormView.Row(i, componentViews(list.path("components"), rowVariables, path + "[" + i + "].", problems,
          language)));
    }
    return views;
  }

  private static Object valueOf(String key, Map<String, Object> variables, String prefix) {
    return prefix.isEmpty() ? variables.get(key)
        : variables.get("this") instanceof Map<?, ?> row ? row.get(key) : null;
  }

  private static String rowIndex(String prefix) {
    return prefix.substring(prefix.lastIndexOf('[') + 1, prefix.lastIndexOf(']'));
  }

  /** A component's key; a dynamic list's path. */
  private static String keyOf(JsonNode component) {
    return "dynamiclist".equals(component.path("type").asText()) ? component.path("path").asText(null)
        : component.path("key").asText(null);
  }

  private static boolean hidden(JsonNode component, Map<String, Object> variables) {
    String hide = component.path("conditional").path("hide").asText(null);
    return hide != null && FormTexts.isTrue(hide, variables);
  }

  /** The label, a date field's {@code dateLabel} when it has none; FEEL and templates filled in. */
  private static String label(JsonNode component, Map<String, Object> variables, FormTranslations.Translation language) {
    String label = text(component, "label", variables, language);
    return label != null ? label : text(component, "dateLabel", variables, language);
  }

  private static String text(JsonNode component, String property, Map<String, Object> variables,
      FormTranslations.Translation language) {
    String text = language.text(component, property, component.path(property).asText(null));
    if (text != null && text.startsWith("=")) {
      Object value = FormTexts.evaluate(text, variables);
      return value == null ? null : String.valueOf(value);
    }
    return text == null || !text.contains("{{") ? text : FormTexts.plain(text, variables);
  }

  /** The options: the form's own in the page's language, or those of a variable ({@code valuesKey}) as they are. */
  private static List<FormView.Option> options(JsonNode component, Map<String, Object> variables, Object value,
      FormTranslations.Translation language) {
    List<FormView.Option> options = new ArrayList<>();
    JsonNode values = component.path("values");
    boolean own = !component.has("valuesKey");
    if (!own) {
      values = JSON.valueToTree(variables.getOrDefault(component.path("valuesKey").asText(), List.of()));
    }
    Collection<?> chosen = value instanceof Collection<?> list ? list : value == null ? List.of() : List.of(value);
    List<String> chosenText = chosen.stream().map(String::valueOf).toList();
    for (JsonNode option : values) {
      String optionValue = option.path("value").asText();
      String label = option.path("label").asText(optionValue);
      options.add(new FormView.Option(optionValue, own ? language.option(component, optionValue, label) : label,
          chosenText.contains(optionValue)));
    }
    return options;
  }

  private static String scalar(Object value) {
    return value == null || value instanceof Collection<?> || value instanceof Map<?, ?> ? null : String.valueOf(value);
  }

  /** The variables a browser's form sends for the form's fields, typed as Tasklist types them. */
  VariableMap submission(JsonNode schema, Map<String, Object> caseValues, MultiValueMap<String, String> posted,
      Map<String, String> problems, FormTranslations.Translation language) {
    VariableMap variables = Variables.createVariables();
    for (JsonNode component : inputs(schema.path("components"), new ArrayList<>())) {
      if (hidden(component, caseValues)) {
        continue;
      }
      String key = keyOf(component);
      String type = component.path("type").asText();
      List<String> sent = posted.getOrDefault(key, List.of());
      switch (type) {
        case "checkbox" -> variables.putValue(key, sent.contains("true"));
        case "checklist", "taglist" -> variables.putValue(key, json(sent));
        case "dynamiclist" -> variables.putValue(key, json(rows(component, posted)));
        case "number" -> {
          String text = sent.isEmpty() ? "" : sent.get(0).strip();
          if (text.isEmpty()) {
            continue;
          }
          Object number = number(text);
          if (number instanceof String) {
            problems.put(key, language.problem("notANumber"));
          } else {
            variables.putValue(key, number);
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

  /**
   * What the form would show again after a refused submission: the case's values with the sent ones
   * over them; a dynamic list's rows as sent, with a row added or removed when the person asked
   * ({@code _list} = {@code add:path} or {@code remove:path:index}).
   */
  Map<String, Object> redisplay(Map<String, Object> variables, MultiValueMap<String, String> posted, JsonNode schema) {
    Map<String, Object> values = new LinkedHashMap<>(variables);
    String change = posted.getFirst(LIST_CHANGE);
    for (JsonNode component : inputs(schema.path("components"), new ArrayList<>())) {
      String key = keyOf(component);
      List<String> sent = posted.getOrDefault(key, List.of());
      String type = component.path("type").asText();
      if ("dynamiclist".equals(type)) {
        List<Map<String, Object>> rows = new ArrayList<>(rows(component, posted));
        if (("add:" + key).equals(change) && rows.size() < MAX_ROWS) {
          rows.add(Map.of());
        } else if (change != null && change.startsWith("remove:" + key + ":")) {
          String index = change.substring(("remove:" + key + ":").length());
          if (index.matches("\\d{1,3}") && Integer.parseInt(index) < rows.size()) {
            rows.remove(Integer.parseInt(index));
          }
        }
        values.put(key, rows);
        continue;
      }
      values.put(key, "checklist".equals(type) || "taglist".equals(type) ? sent
          : "checkbox".equals(type) ? sent.contains("true") : sent.isEmpty() ? null : sent.get(0));
    }
    return values;
  }

  /**
   * A dynamic list's rows as the browser sent them ({@code path[index].key} fields), in index order,
   * rows left empty dropped; numbers as numbers where they are numbers (else the text, for the
   * server's checks to name), expressions' values as sent (hidden fields, checked like any input).
   */
  private static List<Map<String, Object>> rows(JsonNode list, MultiValueMap<String, String> posted) {
    String path = keyOf(list);
    Pattern field = Pattern.compile(Pattern.quote(path) + "\\[(\\d{1,3})]\\..+");
    TreeSet<Integer> indexes = new TreeSet<>();
    posted.keySet().forEach(name -> {
      Matcher matcher = field.matcher(name);
      if (matcher.matches()) {
        indexes.add(Integer.parseInt(matcher.group(1)));
      }
    });
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int index : indexes) {
      Map<String, Object> row = new LinkedHashMap<>();
      boolean filled = false;
      for (JsonNode child : list.path("components")) {
        String type = child.path("type").asText();
        String key = child.path("key").asText(null);
        if (key == null || !(INPUTS.contains(type) || "expression".equals(type))) {
          continue;
        }
        List<String> sent = posted.getOrDefault(path + "[" + index + "]." + key, List.of());
        String text = sent.isEmpty() ? "" : sent.get(0).strip();
        if ("checkbox".equals(type)) {
          row.put(key, sent.contains("true"));
        } else if (!text.isEmpty()) {
          row.put(key, "number".equals(type) ? number(text) : text);
          filled |= !"expression".equals(type);
        }
      }
      if (filled && rows.size() < MAX_ROWS) {
        rows.add(row);
      }
    }
    return rows;
  }

  private static Object number(String text) {
    try {
      return text.contains(".") ? (Object) Double.parseDouble(text) : (Object) Long.parseLong(text);
    } catch (NumberFormatException e) {
      return text;
    }
  }

  private static Object json(Object value) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
    if (plain.containsKey(AsWritten.VARIABLE)) {
      plain.put(AsWritten.VARIABLE, AsWritten.originals(plain)); // the page escapes people's text itself
    }
    return plain;
  }

  /** The inputs of the form whose values it submits; a dynamic list is one input (its rows one value). */
  private static List<JsonNode> inputs(JsonNode components, List<JsonNode> found) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      if (LISTS.contains(type) && component.hasNonNull("path")) {
        found.add(component);
        continue;
      }
      if (INPUTS.contains(type) && component.hasNonNull("key")) {
        found.add(component);
      }
      if (component.has("components")) {
        inputs(component.path("components"), found);
      }
    }
    return found;
  }
}
