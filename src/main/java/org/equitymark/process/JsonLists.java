package org.equitymark.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/** Lists of strings held as Spin JSON variables: how they are read, whoever reads them. */
public final class JsonLists {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonLists() {
  }

  /** The strings of a Json list variable, or nothing when the value is not one. */
  public static Optional<List<String>> strings(TypedValue value) {
    if (!(value instanceof SerializableValue serializable) || !"json".equals(value.getType().getName())) {
      return Optional.empty();
    }
    return strings(serializable.getValueSerialized());
  }

  /** The strings of a JSON array of strings, or nothing when the text is not one. */
  public static Optional<List<String>> strings(String json) {
    if (json == null) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(json);
      if (node == null || !node.isArray()) {
        return Optional.empty();
      }
      List<String> strings = new ArrayList<>();
      for (JsonNode item : node) {
        if (!item.isTextual()) {
          return Optional.empty();
        }
        strings.add(item.asText());
      }
      return Optional.of(strings);
    } catch (Exception e) {
      return Optional.empty();
    }
  }
}
