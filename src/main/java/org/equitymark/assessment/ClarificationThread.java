package org.equitymark.assessment;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * The clarification questions and answers of a case, kept as a thread: JSON on the case for the
 * record, and a readable text for the forms.
 */
public record ClarificationThread(List<Entry> entries) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One round: the assessor's questions, the applicant's answer, and any support officer's note. */
  public record Entry(int round, String askedBy, String askedAt, String questions,
      String answeredBy, String answeredAt, String response, String supportNote) {
  }

  public static ClarificationThread fromJson(String json) {
    if (json == null || json.isBlank()) {
      return new ClarificationThread(List.of());
    }
    try {
      return new ClarificationThread(JSON.readValue(json, new TypeReference<List<Entry>>() { }));
    } catch (Exception e) {
      throw new IllegalStateException("The clarification thread is not readable: " + e.getMessage(), e);
    }
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(entries);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public ClarificationThread ask(int round, String assessor, String at, String questions) {
    List<Entry> next = new ArrayList<>(entries);
    next.add(new Entry(round, assessor, at, questions, null, null, null, null));
    return new ClarificationThread(next);
  }

  public ClarificationThread answer(String applicant, String at, String response) {
    return replaceLast(new Entry(last().round(), last().askedBy(), last().askedAt(), last().questions(),
        applicant, at, response, last().supportNote()));
  }

  public ClarificationThread supportNote(String note) {
    return replaceLast(new Entry(last().round(), last().askedBy(), last().askedAt(), last().questions(),
        last().answeredBy(), last().answeredAt(), last().response(), note));
  }

  /** The thread as Markdown, oldest round first. */
  public String toText() {
    StringBuilder text = new StringBuilder();
    for (Entry entry : entries) {
      text.append("**Round ").append(entry.round()).append(": questions from the assessor** (")
          .append(entry.askedAt()).append(")\n\n").append(entry.questions()).append("\n\n");
      if (entry.response() != null) {
        text.append("**Answer** (").append(entry.answeredAt()).append(")\n\n").append(entry.response()).append("\n\n");
      } else {
        text.append("*Not yet answered.*\n\n");
      }
      if (entry.supportNote() != null) {
        text.append("**Support officer's note:** ").append(entry.supportNote()).append("\n\n");
      }
    }
    return text.toString().trim();
  }

  private Entry last() {
    if (entries.isEmpty()) {
      throw new IllegalStateException("No clarification was asked on this case");
    }
    return entries.get(entries.size() - 1);
  }

  private ClarificationThread replaceLast(Entry entry) {
    List<Entry> next = new ArrayList<>(entries);
    next.set(next.size() - 1, entry);
    return new ClarificationThread(next);
  }
}
