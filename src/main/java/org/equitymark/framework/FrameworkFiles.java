package org.equitymark.framework;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a framework file a person wrote (a draft uploaded by a scheme manager) and says everything
 * wrong with it that a person can act on: a JSON syntax error with its line and column; a value of
 * the wrong kind, and every field the framework does not have (a typing mistake would otherwise be
 * dropped silently), with line, column and path; then every problem of {@link EvidenceFramework#problems()}.
 */
public final class FrameworkFiles {

  private FrameworkFiles() {
  }

  /** The framework read from the file, or nothing; and every problem found (empty when it is valid). */
  public record Reading(Optional<EvidenceFramework> framework, List<String> problems) {

    public boolean isValid() {
      return framework.isPresent() && problems.isEmpty();
    }
  }

  public static Reading read(String json, ObjectMapper objectMapper) {
    List<String> problems = new ArrayList<>();
    if (json == null || json.isBlank()) {
      return new Reading(Optional.empty(), List.of("the file is empty"));
    }
    EvidenceFramework framework;
    try {
      framework = objectMapper.readerFor(EvidenceFramework.class)
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .withHandler(new UnknownFields(problems))
          .readValue(json.startsWith("\uFEFF") ? json.substring(1) : json);
    } catch (JsonMappingException e) {
      problems.add(at(e.getLocation()) + path(e.getPath()) + ": " + (e instanceof MismatchedInputException m
          && m.getTargetType() != null ? "expected " + kind(m.getTargetType()) : e.getOriginalMessage()));
      return new Reading(Optional.empty(), List.copyOf(problems));
    } catch (JsonProcessingException e) {
      problems.add(at(e.getLocation()) + "not valid JSON: " + e.getOriginalMessage());
      return new Reading(Optional.empty(), List.copyOf(problems));
    }
    if (framework == null) {
      return new Reading(Optional.empty(), List.of("the file holds null, not a framework"));
    }
    problems.addAll(framework.problems());
    return new Reading(Optional.of(framework), List.copyOf(problems));
  }

  private static JsonLocation location(JsonParser parser) {
    JsonLocation token = parser.currentTokenLocation();
    return token != null && token.getLineNr() > 0 ? token : parser.currentLocation();
  }

  private static String at(JsonLocation location) {
    return location == null || location.getLineNr() < 1 ? ""
        : "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
  }

  private static String path(List<JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : references) {
      if (reference.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "the file" : path.toString();
  }

  /** The path of a field of the object whose parsing context this is. */
  private static String path(JsonStreamContext object, String field) {
    List<String> parts = new ArrayList<>(List.of(field));
    for (JsonStreamContext c = object.getParent(); c != null && !c.inRoot(); c = c.getParent()) {
      parts.add(0, c.inArray() ? "[" + c.getCurrentIndex() + "]" : c.getCurrentName());
    }
    StringBuilder path = new StringBuilder();
    for (String part : parts) {
      path.append(path.isEmpty() || part.startsWith("[") ? "" : ".").append(part);
    }
    return path.toString();
  }

  private static String kind(Class<?> type) {
    if (List.class.isAssignableFrom(type)) {
      return "a list [...]";
    }
    if (type == String.class) {
      return "a text \"...\"";
    }
    return "an object {...}";
  }

  /** Records every field the framework does not have, with where it is, and reads on. */
  private static final class UnknownFields extends DeserializationProblemHandler {

    private final List<String> problems;

    UnknownFields(List<String> problems) {
      this.problems = problems;
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
        JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName) throws IOException {
      JsonStreamContext object = parser.getParsingContext();
      if (parser.currentToken() == JsonToken.START_OBJECT || parser.currentToken() == JsonToken.START_ARRAY) {
        object = object.getParent();
      }
      problems.add(at(location(parser)) + path(object, propertyName)
          + ": not a field of the framework (misspelt?)");
      parser.skipChildren();
      return true;
    }
  }
}
