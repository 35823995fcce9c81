package org.equitymark.allocation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.equitymark.framework.Level;

/**
 * Who may assess a case, knowing nothing of Camunda. An assessor is eligible when it has no
 * declared tie with the organisation and has not touched the case in a role that excludes it (the
 * support officer who advised it; a lead assessor replaced after an upheld appeal). The lead is the
 * least loaded eligible assessor. For Competence and Excellence a panel of three, the lead among
 * them, must meet the panel commitment (seed 004): at least 50% women and at least 20% from
 * minoritised communities, by the assessors' own declarations.
 */
public final class AllocationRules {

  public static final int PANEL_SIZE = 3;

  private static final Comparator<Assessor> LEAST_LOADED =
      Comparator.comparingInt(Assessor::load).thenComparing(Assessor::userId);

  private AllocationRules() {
  }

  public record Allocation(Assessor lead, List<Assessor> panel) {
  }

  /** Eligible assessors, least loaded first. */
  public static List<Assessor> eligible(List<Assessor> pool, String organisationId, Set<String> excluded) {
    return pool.stream()
        .filter(a -> !a.hasConflictWith(organisationId))
        .filter(a -> !excluded.contains(a.userId()))
        .sorted(LEAST_LOADED)
        .toList();
  }

  public static boolean needsPanel(Level target) {
    return target.atLeast(Level.COMPETENCE);
  }

  public static boolean meetsPanelCommitment(List<Assessor> panel) {
    long women = panel.stream().filter(a -> a.gender() == Assessor.Gender.WOMAN).count();
    long minoritised = panel.stream().filter(a -> a.minoritised() == Assessor.Minoritised.YES).count();
    return women * 2 >= panel.size() && minoritised * 5 >= panel.size();
  }

  /** The allocation the rules give, or nothing when no allocation satisfies them. */
  public static Optional<Allocation> allocate(List<Assessor> pool, String organisationId, Level target,
      Set<String> excluded) {
    List<Assessor> eligible = eligible(pool, organisationId, excluded);
    if (!needsPanel(target)) {
      return eligible.stream().findFirst().map(lead -> new Allocation(lead, List.of()));
    }
    for (Assessor lead : eligible) {
      Optional<List<Assessor>> panel = panelWith(lead, eligible);
      if (panel.isPresent()) {
        return Optional.of(new Allocation(lead, panel.get()));
      }
    }
    return Optional.empty();
  }

  /** The least loaded panel of three that includes the lead and meets the commitment. */
  private static Optional<List<Assessor>> panelWith(Assessor lead, List<Assessor> eligible) {
    List<Assessor> others = eligible.stream().filter(a -> a != lead).toList();
    List<Assessor> best = null;
    int bestLoad = Integer.MAX_VALUE;
    for (int i = 0; i < others.size(); i++) {
      for (int j = i + 1; j < others.size(); j++) {
        List<Assessor> panel = List.of(lead, others.get(i), others.get(j));
        int load = others.get(i).load() + others.get(j).load();
        if (load < bestLoad && meetsPanelCommitment(panel)) {
          best = new ArrayList<>(panel);
          bestLoad = load;
        }
      }
    }
    return Optional.ofNullable(best);
  }
}
