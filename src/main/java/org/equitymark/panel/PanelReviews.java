package org.equitymark.panel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.equitymark.submission.FormText;

/**
 * The views of the assessment panel's members beside the lead assessor on one assessment: who
 * agrees, who does not, and why. Kept as the case's JSON variable {@code panelReviews}, one entry per
 * member (a member's later view replaces its earlier one), with each reason also as literal Markdown
 * ({@code reasonsText}) for the forms' text views. Knows nothing of Camunda.
 */
public final class PanelReviews {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One member's view. */
  public record Review(String member, boolean agrees, String reasons, String reasonsText) {

    static Review of(String member, boolean agrees, String reasons) {
      return new Review(member, agrees, reasons == null ? "" : reasons.strip(), FormText.literal(reasons));
    }
  }

  private final List<Review> reviews;

  private PanelReviews(List<Review> reviews) {
    this.reviews = List.copyOf(reviews);
  }

  public static PanelReviews none() {
    return new PanelReviews(List.of());
  }

  public static PanelReviews fromJson(String json) {
    if (json == null || json.isBlank()) {
      return none();
    }
    try {
      return new PanelReviews(JSON.readValue(json, new TypeReference<List<Review>>() { }));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("panelReviews is not a list of reviews", e);
    }
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(reviews);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The members who review: the panel without its lead assessor, in panel order. */
  public static List<String> reviewers(List<String> panel, String leadAssessor) {
    return panel.stream().filter(member -> !member.equals(leadAssessor)).distinct().toList();
  }

  /** With the member's view recorded, replacing any earlier view of the same member. */
  public PanelReviews with(String member, boolean agrees, String reasons) {
    List<Review> updated = new ArrayList<>(reviews.stream().filter(r -> !r.member().equals(member)).toList());
    updated.add(Review.of(member, agrees, reasons));
    return new PanelReviews(updated);
  }

  /** Only the views of these members (a member no longer on the panel no longer counts). */
  public PanelReviews of(List<String> members) {
    return new PanelReviews(reviews.stream().filter(r -> members.contains(r.member())).toList());
  }

  public long agreeing() {
    return reviews.stream().filter(Review::agrees).count();
  }

  public long disagreeing() {
    return reviews.size() - agreeing();
  }

  public List<Review> reviews() {
    return reviews;
  }
}
