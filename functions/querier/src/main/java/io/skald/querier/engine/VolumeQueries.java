package io.skald.querier.engine;

import io.skald.labels.LabelSet;
import io.skald.labels.Matcher;
import io.skald.querier.params.TimeRange;
import io.skald.segment.BlockRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Index statistics and volumes (Loki's {@code index/stats}, {@code index/volume} and {@code
 * index/volume_range}), estimated from the index alone: a block counts when it overlaps the range,
 * with all of its entries and bytes, as Loki counts whole chunks.
 */
public final class VolumeQueries {

  private final StoreReader reader;

  public VolumeQueries(StoreReader reader) {
    this.reader = reader;
  }

  public record IndexStats(long streams, long chunks, long entries, long bytes) {}

  public IndexStats stats(String tenant, TimeRange range, List<Matcher> matchers) {
    Selection selection = reader.select(tenant, range, matchers);
    long chunks = 0;
    long entries = 0;
    long bytes = 0;
    for (Selection.Stream s : selection.streams()) {
      for (Selection.Part p : s.parts()) {
        for (BlockRef b : p.blocks()) {
          chunks++;
          entries += b.entries();
          bytes += b.rawBytes();
        }
      }
    }
    return new IndexStats(selection.streams().size(), chunks, entries, bytes);
  }

  /** One volume series: its labels and bytes per bucket start (ns). */
  public record Volume(SortedMap<String, String> labels, SortedMap<Long, Long> bytesByBucket) {
    long total() {
      return bytesByBucket.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /**
   * @param targetLabels labels to group by; empty means the labels named in the matchers
   * @param byLabels {@code aggregateBy=labels}: one series per label name ({@code {name:""}})
   * @param stepNanos bucket width for volume_range; 0 puts everything in one bucket at {@code end}
   */
  public List<Volume> volumes(
      String tenant,
      TimeRange range,
      List<Matcher> matchers,
      List<String> targetLabels,
      boolean byLabels,
      long stepNanos,
      int limit) {
    Set<String> group = new HashSet<>(targetLabels);
    if (group.isEmpty()) {
      matchers.forEach(m -> group.add(m.name()));
    }
    Map<SortedMap<String, String>, SortedMap<Long, Long>> acc = new LinkedHashMap<>();
    for (Selection.Stream s : reader.select(tenant, range, matchers).streams()) {
      List<SortedMap<String, String>> keys =
          keys(s.labels(), group, targetLabels.isEmpty(), byLabels);
      for (Selection.Part p : s.parts()) {
        for (BlockRef b : p.blocks()) {
          long bucket =
              stepNanos > 0
                  ? Math.max(range.startNanos(), b.minTimeNanos()) / stepNanos * stepNanos
                  : range.endNanos();
          for (SortedMap<String, String> key : keys) {
            acc.computeIfAbsent(key, k -> new TreeMap<>())
                .merge(bucket, (long) b.rawBytes(), Long::sum);
          }
        }
      }
    }
    List<Volume> out = new ArrayList<>();
    acc.forEach((k, v) -> out.add(new Volume(k, v)));
    out.sort(
        Comparator.comparingLong(Volume::total)
            .reversed()
            .thenComparing(v -> LabelSet.of(v.labels()).toString()));
    return out.size() > limit ? out.subList(0, limit) : out;
  }

  private static List<SortedMap<String, String>> keys(
      SortedMap<String, String> labels,
      Set<String> group,
      boolean groupFromMatchers,
      boolean byLabels) {
    List<SortedMap<String, String>> out = new ArrayList<>();
    if (byLabels) {
      for (String name : labels.keySet()) {
        if (groupFromMatchers || group.contains(name)) {
          out.add(new TreeMap<>(Map.of(name, "")));
        }
      }
      return out;
    }
    TreeMap<String, String> key = new TreeMap<>();
    labels.forEach(
        (k, v) -> {
          if (group.contains(k)) {
            key.put(k, v);
          }
        });
    out.add(key);
    return out;
  }

  /** Distinct values per label over matching streams, for {@code detected_labels}. */
  public SortedMap<String, Set<String>> labelValues(
      String tenant, TimeRange range, List<Matcher> matchers) {
    SortedMap<String, Set<String>> values = new TreeMap<>();
    for (Selection.Stream s : reader.select(tenant, range, matchers).streams()) {
      s.labels().forEach((k, v) -> values.computeIfAbsent(k, x -> new HashSet<>()).add(v));
    }
    return values;
  }
}
