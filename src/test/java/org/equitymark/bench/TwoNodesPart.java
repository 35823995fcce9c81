package org.equitymark.bench;

import java.util.Map;

/** Part 4: two EquityMark nodes on one PostgreSQL database, against one node. */
final class TwoNodesPart {

  TwoNodesPart(String db, BenchDatabase.Target target, int cases, int runs, ResultTable table) {
  }

  Map<String, Object> run(EquityMarkSystem ours) {
    return Map.of("status", "not yet measured");
  }
}
