package org.equitymark.framework;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.equitymark.framework.EvidenceFramework.Area;
import org.equitymark.framework.EvidenceFramework.Indicator;
import org.equitymark.framework.EvidenceFramework.LevelDescription;

/**
 * The checks of {@link EvidenceFramework#problems()}: every problem of a framework at once, each
 * naming the field it is in as a path into the JSON ({@code areas[2].indicators[0].text: missing}),
 * so that whoever wrote the file can find and fix it. Used for the bundled versions at start-up, for
 * the drafts a scheme manager uploads and for {@code PUT /api/framework/versions/{version}}.
 */
final class FrameworkProblems {

  private static final List<String> LEVEL_IDS = Arrays.asList(Level.certifiableIds());

  private final List<String> problems = new ArrayList<>();

  private FrameworkProblems() {
  }

  static List<String> of(EvidenceFramework framework) {
    FrameworkProblems check = new FrameworkProblems();
    check.framework(framework);
    return List.copyOf(check.problems);
  }

  private void framework(EvidenceFramework framework) {
    required("version", framework.version());
    required("title", framework.title());
    levels(framework.levels());
    List<Area> areas = framework.areas();
    if (areas == null || areas.isEmpty()) {
      problems.add("areas: missing (the five areas " + EvidenceFramework.AREA_IDS + ", in this order)");
      return;
    }
    List<String> areaIds = areas.stream().map(a -> a == null ? null : a.id()).toList();
    if (!areaIds.equals(EvidenceFramework.AREA_IDS)) {
      problems.add("areas: must be " + EvidenceFramework.AREA_IDS + " in this order, were " + areaIds);
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < areas.size(); i++) {
      area("areas[" + i + "]", areas.get(i), seen);
    }
  }

  private void levels(List<LevelDescription> levels) {
    if (levels == null || levels.isEmpty()) {
      problems.add("levels: missing (the four levels " + LEVEL_IDS + ", in this order)");
      return;
    }
    List<String> ids = levels.stream().map(l -> l == null ? null : l.id()).toList();
    if (!ids.equals(LEVEL_IDS)) {
      problems.add("levels: must be " + LEVEL_IDS + " in this order, were " + ids);
    }
    for (int i = 0; i < levels.size(); i++) {
      if (levels.get(i) != null) {
        required("levels[" + i + "].name", levels.get(i).name());
      }
    }
  }

  private void area(String path, Area area, Set<String> seen) {
    if (area == null) {
      problems.add(path + ": missing");
      return;
    }
    required(path + ".id", area.id());
    required(path + ".name", area.name());
    List<Indicator> indicators = area.indicators();
    if (indicators == null) {
      problems.add(path + ".indicators: missing");
      return;
    }
    for (Level level : Level.certifiable()) {
      if (indicators.stream().filter(Objects::nonNull).noneMatch(i -> level.id().equals(i.level()))) {
        problems.add(path + ".indicators: area " + area.id() + " has no indicator at level " + level.id());
      }
    }
    for (int j = 0; j < indicators.size(); j++) {
      indicator(path + ".indicators[" + j + "]", area.id(), indicators.get(j), seen);
    }
  }

  private void indicator(String path, String areaId, Indicator indicator, Set<String> seen) {
    if (indicator == null) {
      problems.add(path + ": missing");
      return;
    }
    String level = indicator.level();
    if (blank(level)) {
      problems.add(path + ".level: missing");
    } else if (!LEVEL_IDS.contains(level)) {
      problems.add(path + ".level: " + level + " is not one of " + LEVEL_IDS);
    }
    String id = indicator.id();
    if (blank(id)) {
      problems.add(path + ".id: missing");
    } else {
      if (!seen.add(id)) {
        problems.add(path + ".id: " + id + " is used twice");
      }
      String expected = areaId + "." + (LEVEL_IDS.contains(level) ? level : "{level}");
      if (!LEVEL_IDS.contains(level) || !id.matches(areaId + "\\." + level + "\\.[1-9][0-9]*")) {
        problems.add(path + ".id: " + id + " must read " + expected + ".{n}");
      }
    }
    required(path + ".text", indicator.text());
  }

  private void required(String path, String value) {
    if (blank(value)) {
      problems.add(path + ": missing");
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
