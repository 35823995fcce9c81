package org.equitymark.scoring;

import java.util.List;
import org.equitymark.framework.EvidenceFramework.Indicator;
import org.equitymark.framework.Level;

/** What is still missing, area by area, for a target level. */
public record GapAnalysis(Level targetLevel, List<AreaGap> areas) {

  public record AreaGap(String area, String areaName, List<Indicator> missing) {
  }

  public boolean isEmpty() {
    return areas.stream().allMatch(a -> a.missing().isEmpty());
  }

  /**
   * The longest summary {@link #toText()} writes: a string variable holds at most 4000 characters, and
   * the gap of a case that claims little against a full framework is longer with every text written out.
   */
  public static final int MAX_TEXT = 4000;

  /**
   * A readable summary (Markdown) for forms and mails: each missing indicator with its text, or, when
   * that would be longer than {@link #MAX_TEXT}, the missing indicators' ids by area and level.
   */
  public String toText() {
    if (isEmpty()) {
      return "Nothing is missing: every indicator up to " + targetLevel.displayName() + " is claimed.";
    }
    String full = text(true);
    return full.length() <= MAX_TEXT ? full : text(false);
  }

  private String text(boolean withTexts) {
    StringBuilder text = new StringBuilder();
    for (AreaGap gap : areas) {
      if (gap.missing().isEmpty()) {
        continue;
      }
      text.append("**").append(gap.areaName()).append("**\n\n");
      if (withTexts) {
        for (Indicator indicator : gap.missing()) {
          text.append("- ").append(indicator.levelValue().displayName()).append(" (")
              .append(indicator.id()).append("): ").append(indicator.text()).append('\n');
        }
      } else {
        for (Level level : Level.certifiable()) {
          List<String> ids = gap.missing().stream().filter(i -> i.levelValue() == level).map(Indicator::id).toList();
          if (!ids.isEmpty()) {
            text.append("- ").append(level.displayName()).append(": ").append(String.join(", ", ids)).append('\n');
          }
        }
      }
      text.append('\n');
    }
    return text.toString().trim();
  }
}
