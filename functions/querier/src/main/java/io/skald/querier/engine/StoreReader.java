package io.skald.querier.engine;

import io.skald.labels.Matcher;
import io.skald.querier.params.TimeRange;
import io.skald.segment.BlockRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Predicate;

/**
 * The store read path every query goes through. {@link #select} chooses streams and blocks from the
 * indexes alone (labels, series, volumes and index stats stop there); {@link #read} begins a query
 * that fetches blocks: log and metric queries read through the {@link StoreRead} it returns, which
 * applies the tenant's delete requests, the duplicate rule, the handling of missing and corrupt
 * objects and the stats accounting, each in one place.
 */
public final class StoreReader {

  private final StreamCatalog catalog;

  public StoreReader(StreamCatalog catalog) {
    this.catalog = catalog;
  }

  /** The tenant's streams matching every matcher, with their blocks overlapping the range. */
  public Selection select(String tenant, TimeRange range, List<Matcher> matchers) {
    return select(tenant, range, labels -> matches(matchers, labels));
  }

  /** The tenant's streams whose labels {@code selects} accepts, with their blocks in range. */
  public Selection select(
      String tenant, TimeRange range, Predicate<? super SortedMap<String, String>> selects) {
    Map<SortedMap<String, String>, List<Selection.Part>> parts = new LinkedHashMap<>();
    Set<String> segments = new HashSet<>();
    for (StoredStream s : catalog.streams(tenant, range)) {
      if (!selects.test(s.labels())) {
        continue;
      }
      List<BlockRef> blocks = new ArrayList<>();
      for (BlockRef b : s.info().blocks()) {
        if (b.overlaps(range.startNanos(), range.endNanos())) {
          blocks.add(b);
        }
      }
      parts
          .computeIfAbsent(s.labels(), k -> new ArrayList<>())
          .add(new Selection.Part(s.segmentKey(), blocks));
      segments.add(s.segmentKey());
    }
    List<Selection.Stream> streams = new ArrayList<>(parts.size());
    parts.forEach((labels, p) -> streams.add(new Selection.Stream(labels, p)));
    return new Selection(range, streams, segments.size());
  }

  /**
   * Begins a query that reads entries: the tenant's delete requests, then the selection. Adds the
   * selected streams and segments to {@code stats}.
   */
  public StoreRead read(String tenant, TimeRange range, List<Matcher> matchers, QueryStats stats) {
    StoreRead read =
        new StoreRead(
            catalog.store(), catalog.deletes(tenant), select(tenant, range, matchers), stats);
    stats.streams += read.selection().streams().size();
    stats.segmentsReferenced += read.selection().segments();
    return read;
  }

  /** Whether a stream's labels satisfy every matcher (a missing label reads as empty). */
  public static boolean matches(List<Matcher> matchers, Map<String, String> labels) {
    for (Matcher m : matchers) {
      if (!m.matches(labels.getOrDefault(m.name(), ""))) {
        return false;
      }
    }
    return true;
  }
}
