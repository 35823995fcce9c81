package org.equitymark.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.query.Query;

/**
 * Reads every result of an engine query page by page. The engine refuses unbounded queries while a
 * user is authenticated (queryMaxResultsLimit), so code that must see everything pages through it.
 */
public final class EngineQueries {

  static final int PAGE = 500;

  private EngineQueries() {
  }

  public static <T> List<T> all(Query<?, T> query) {
    List<T> results = new ArrayList<>();
    for (int first = 0; ; first += PAGE) {
      List<T> page = query.listPage(first, PAGE);
      results.addAll(page);
      if (page.size() < PAGE) {
        return results;
      }
    }
  }
}
