package io.skald.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads every line of a selector back through the query API, paging forward by time (the query
 * limit caps one page at 5000), and checks the fault tests' promise: every acknowledged line is
 * read back exactly once.
 */
final class ReadBack {

  private static final int PAGE = 5000;

  private ReadBack() {}

  /** Line text → how often the querier returned it, over {@code [startNs, endNs)}. */
  static Map<String, Integer> lines(String querier, String selector, long startNs, long endNs)
      throws Exception {
    Map<String, Integer> seen = new HashMap<>();
    long from = startNs;
    while (true) {
      Map<String, String> p = new LinkedHashMap<>();
      p.put("query", selector);
      p.put("start", Long.toString(from));
      p.put("end", Long.toString(endNs));
      p.put("limit", Integer.toString(PAGE));
      p.put("direction", "forward");
      int n = 0;
      long last = from;
      for (JsonNode stream :
          LokiQueries.get(querier, "/loki/api/v1/query_range", p).path("data").path("result")) {
        for (JsonNode v : stream.path("values")) {
          seen.merge(v.get(1).asText(), 1, Integer::sum);
          last = Math.max(last, Long.parseLong(v.get(0).asText()));
          n++;
        }
      }
      // Timestamps are unique across streams, so the next page starts right after this one.
      if (n < PAGE) {
        return seen;
      }
      from = last + 1;
    }
  }

  /** Waits until every acknowledged line is readable (the chunker and compactor caught up). */
  static Map<String, Integer> awaitAll(
      String querier,
      String selector,
      long startNs,
      long endNs,
      Set<String> acknowledged,
      Duration atMost) {
    @SuppressWarnings("unchecked")
    Map<String, Integer>[] last = new Map[] {Map.of()};
    await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(
            () -> {
              last[0] = lines(querier, selector, startNs, endNs);
              return last[0].keySet().containsAll(acknowledged);
            });
    return last[0];
  }

  /**
   * Entries the index says are stored for the selector ({@code /loki/api/v1/index/stats}). The
   * querier drops exact duplicates when reading, so this is where a replay that wrote an entry into
   * two objects would show.
   */
  static long storedEntries(String querier, String selector, long startNs, long endNs)
      throws Exception {
    return LokiQueries.get(
            querier,
            "/loki/api/v1/index/stats",
            Map.of("query", selector, "start", Long.toString(startNs), "end", Long.toString(endNs)))
        .path("entries")
        .asLong(-1);
  }

  /**
   * Prints the counts, then asserts no acknowledged line is missing and none is duplicated, in what
   * queries return and in what is stored.
   */
  static void assertExactlyOnce(
      String what, Set<String> acknowledged, Map<String, Integer> seen, long stored) {
    long missing = acknowledged.stream().filter(l -> !seen.containsKey(l)).count();
    long duplicated = seen.values().stream().filter(n -> n > 1).count();
    int total = seen.values().stream().mapToInt(Integer::intValue).sum();
    System.out.printf(
        "%s: %d lines acknowledged, %d distinct read back (%d read in total, %d stored), "
            + "%d acknowledged missing, %d duplicated, %d read back without a 204%n",
        what,
        acknowledged.size(),
        seen.size(),
        total,
        stored,
        missing,
        duplicated,
        seen.keySet().stream().filter(l -> !acknowledged.contains(l)).count());
    assertThat(missing).as("acknowledged lines missing").isZero();
    assertThat(duplicated).as("lines read back more than once").isZero();
    assertThat(stored).as("entries stored (index stats)").isEqualTo(total);
  }

  /** Reads back and checks in one go, once every acknowledged line is readable. */
  static void assertExactlyOnce(
      String what,
      String querier,
      String selector,
      long startNs,
      long endNs,
      Set<String> acknowledged)
      throws Exception {
    Map<String, Integer> seen =
        awaitAll(querier, selector, startNs, endNs, acknowledged, Duration.ofSeconds(90));
    assertExactlyOnce(what, acknowledged, seen, storedEntries(querier, selector, startNs, endNs));
  }
}
