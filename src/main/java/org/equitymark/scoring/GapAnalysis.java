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

  /** A readable summary (Markdown) for forms and mails. */
  public String toText() {
    if (isEmpty()) {
      return "Nothing is missing: every indicator up to " + targetLevel.displayName() + " is claimed.";
    }
    StringBuilder text = new StringBuilder();
    for (AreaGap gap : areas) {
      if (gap.missing().isEmpty()) {
        continue;
      }
      text.append("**").append(gap.areaName()).append("**\n\n");
      for (Indicator indicator : gap.missing()) {
        text.append("- ").append(indicator.levelValue().displayName()).append(" (")
            .append(indicator.id()).append("): ").append(indicator.text()).append('\n');
      }
      text.append('\n');
    }
    return text.toString().trim();
  }
}
