package org.equitymark.process;

import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * A typed process variable: its name is written once, here, and read and written through this
 * declaration (after holunda's camunda-bpm-data). Lists are Spin JSON variables, never Java-serialized.
 */
public final class Variable<T> {

  private final String name;
  private final Class<T> type;

  private Variable(String name, Class<T> type) {
    this.name = name;
    this.type = type;
  }

  public static Variable<String> string(String name) {
    return new Variable<>(name, String.class);
  }

  public static Variable<Long> number(String name) {
    return new Variable<>(name, Long.class);
  }

  public static Variable<Boolean> bool(String name) {
    return new Variable<>(name, Boolean.class);
  }

  /** A list of strings held as a Spin JSON array. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Variable<List<String>> stringList(String name) {
    return new Variable<>(name, (Class) List.class);
  }

  /** A JSON document (object or array) held as a Spin JSON variable; read and written as JSON text. */
  public static Variable<JsonText> json(String name) {
    return new Variable<>(name, JsonText.class);
  }

  public String name() {
    return name;
  }

  @SuppressWarnings("unchecked")
  public T get(VariableScope scope) {
    if (type == List.class) {
      TypedValue typed = scope.getVariableTyped(name, false);
      return typed == null ? null : (T) JsonLists.strings(typed).orElse(List.of());
    }
    if (type == JsonText.class) {
      TypedValue typed = scope.getVariableTyped(name, false);
      return typed instanceof SerializableValue s && s.getValueSerialized() != null
          ? (T) new JsonText(s.getValueSerialized()) : null;
    }
    Object value = scope.getVariable(name);
    if (value == null) {
      return null;
    }
    if (type == Long.class && value instanceof Number n) {
      return (T) Long.valueOf(n.longValue());
    }
    return type.cast(value);
  }

  public T get(VariableScope scope, T fallback) {
    T value = get(scope);
    return value == null ? fallback : value;
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, typed(value));
  }

  /** The value as the engine should store it: JSON for lists and documents. */
  public Object typed(T value) {
    if (value == null) {
      return null;
    }
    if (type == List.class) {
      return SpinValues.jsonValue(Spin.JSON(value).toString()).create();
    }
    if (value instanceof JsonText json) {
      return SpinValues.jsonValue(json.json()).create();
    }
    return value;
  }

  @Override
  public String toString() {
    return name;
  }

  /** JSON text, for variables holding a document. */
  public record JsonText(String json) {
  }
}
