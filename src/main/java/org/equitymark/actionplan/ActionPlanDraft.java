package org.equitymark.actionplan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.equitymark.framework.EvidenceFramework;
import org.equitymark.framework.EvidenceFramework.Indicator;
import org.equitymark.framework.Level;

/**
 * Drafts the action plan from what the assessment did not confirm: towards the target level, or,
 * for an organisation certified at its target, towards the next level. The lowest missing level
 * comes first (priority 1), the next one after it (2), the rest later (3).
 */
public final class ActionPlanDraft {

  private ActionPlanDraft() {
  }

  public static Level planLevel(Level achieved, Level target) {
    if (!achieved.atLeast(target)) {
      return target;
    }
    return achieved == Level.EXCELLENCE ? Level.EXCELLENCE : Level.values()[achieved.ordinal() + 1];
  }

  public static List<ActionPlanItem> draft(EvidenceFramework framework, Map<String, List<String>> confirmedByArea,
      Level achieved, Level target) {
    Level planLevel = planLevel(achieved, target);
    List<Indicator> missing = new ArrayList<>();
    for (EvidenceFramework.Area area : framework.areas()) {
      Set<String> confirmed = Set.copyOf(confirmedByArea.getOrDefault(area.id(), List.of()));
      area.indicators().stream()
          .filter(i -> planLevel.atLeast(i.levelValue()) && !confirmed.contains(i.id()))
          .forEach(missing::add);
    }
    int lowest = missing.stream().mapToInt(i -> i.levelValue().ordinal()).min().orElse(0);
    return missing.stream()
        .map(i -> new ActionPlanItem(i.id(), i.id().substring(0, i.id().indexOf('.')), i.level(), i.text(),
            String.valueOf(Math.min(3, 1 + i.levelValue().ordinal() - lowest)), "", ""))
        .toList();
  }
}
