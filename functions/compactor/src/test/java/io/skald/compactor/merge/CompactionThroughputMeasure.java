package io.skald.compactor.merge;

import io.skald.index.IndexStore;
import io.skald.index.IndexedSegment;
import io.skald.index.TenantDayIndex;
import io.skald.labels.Label;
import io.skald.layout.ObjectKeys;
import io.skald.segment.SegmentReader;
import io.skald.segment.SegmentWriter;
import io.skald.storage.FileSystemObjectStore;
import io.skald.storage.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Not a test: measures compaction throughput on one thread. Writes about 200 MB (uncompressed line
 * and metadata bytes) of generated logs as small chunker-style segments to a file-system store,
 * then merges them with the default configuration, and prints MB/s per core for the merge alone
 * (read, decode, sort, de-duplicate, re-encode, compress) and for a whole compaction pass (plus
 * writing the outputs, the index and the pending-deletes record, fsync'd).
 *
 * <p>Run: {@code java -Xmx3g -cp <test classpath>
 * io.skald.compactor.merge.CompactionThroughputMeasure [MB]}
 */
public final class CompactionThroughputMeasure {

  static final LocalDate DAY = LocalDate.of(2026, 6, 1);

  public static void main(String[] args) throws Exception {
    long targetRaw = (args.length > 0 ? Long.parseLong(args[0]) : 200) * 1_000_000L;
    Path dir = Files.createTempDirectory("skald-compaction-measure");
    ObjectStore store = new FileSystemObjectStore(dir, "chunks");
    warmUp(Files.createTempDirectory("skald-compaction-warmup"));

    long t = System.nanoTime();
    long[] written = generate(store, "t", targetRaw, 42);
    System.out.printf(
        "generated %d segments, %.1f MB raw, %.1f MB stored in %.1f s%n",
        written[0], written[1] / 1e6, written[2] / 1e6, (System.nanoTime() - t) / 1e9);

    CompactionConfig cfg = CompactionConfig.defaults();
    TenantDayIndex index = new IndexStore(store).load("t", DAY);
    List<List<IndexedSegment>> groups = new CompactionPlanner(cfg).plan(index);
    SegmentMerger merger = new SegmentMerger(store, cfg);
    double best = Double.MAX_VALUE;
    long raw = 0;
    long stored = 0;
    long out = 0;
    for (int round = 0; round < 3; round++) {
      raw = 0;
      stored = 0;
      out = 0;
      long start = System.nanoTime();
      for (List<IndexedSegment> g : groups) {
        MergeResult r =
            merger.merge(
                "t",
                DAY,
                "merge",
                "",
                g.stream().map(IndexedSegment::key).toList(),
                EntryFilter.KEEP_ALL);
        raw += r.inputRawBytes();
        stored += r.inputBytes();
        out += r.outputs().stream().mapToLong(o -> o.bytes().length).sum();
      }
      best = Math.min(best, (System.nanoTime() - start) / 1e9);
    }
    System.out.printf(
        "merge only (best of 3): %d groups, %.1f MB raw / %.1f MB stored in -> %.1f MB out, "
            + "%.2f s: %.1f MB/s raw, %.1f MB/s stored per core%n",
        groups.size(),
        raw / 1e6,
        stored / 1e6,
        out / 1e6,
        best,
        raw / 1e6 / best,
        stored / 1e6 / best);

    DayCompactor compactor =
        new DayCompactor(
            new IndexStore(store),
            new CompactionPlanner(cfg),
            merger,
            new IndexSwap(store, Clock.systemUTC(), cfg.retentionDeleteDelay()));
    long start = System.nanoTime();
    DayCompactor.Stats s = compactor.compact("t", DAY);
    double secs = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "full pass: %d -> %d segments, %.2f s: %.1f MB/s raw per core%n",
        s.segmentsIn(), s.segmentsOut(), secs, raw / 1e6 / secs);
  }

  private static void warmUp(Path dir) throws Exception {
    ObjectStore store = new FileSystemObjectStore(dir, "chunks");
    generate(store, "t", 30_000_000L, 7);
    SegmentMerger merger = new SegmentMerger(store, CompactionConfig.defaults());
    for (List<IndexedSegment> g :
        new CompactionPlanner(CompactionConfig.defaults())
            .plan(new IndexStore(store).load("t", DAY))) {
      merger.merge(
          "t",
          DAY,
          "merge",
          "",
          g.stream().map(IndexedSegment::key).toList(),
          EntryFilter.KEEP_ALL);
    }
  }

  /** Segments of ~2 MB raw each (one second of a busy chunker partition); returns counts. */
  static long[] generate(ObjectStore store, String tenant, long targetRaw, long seed)
      throws Exception {
    Random r = new Random(seed);
    String[] streams = new String[50];
    for (int i = 0; i < streams.length; i++) {
      streams[i] = "{app=\"svc-" + (i % 10) + "\", env=\"prod\", pod=\"pod-" + i + "\"}";
    }
    String[] paths = {"/api/v1/users", "/api/v1/orders", "/healthz", "/api/v1/search", "/metrics"};
    String[] levels = {"info", "info", "info", "debug", "warn", "error"};
    List<IndexedSegment> indexed = new ArrayList<>();
    long ts = DAY.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000_000L;
    long raw = 0;
    long stored = 0;
    int n = 0;
    while (raw < targetRaw) {
      SegmentWriter w = new SegmentWriter();
      while (w.rawBytes() < 2_000_000) {
        ts += r.nextInt(200_000);
        String line =
            "ts="
                + ts
                + " level="
                + levels[r.nextInt(levels.length)]
                + " caller=handler.go:"
                + (100 + r.nextInt(400))
                + " msg=\"request handled\" method=GET path="
                + paths[r.nextInt(paths.length)]
                + "/"
                + r.nextInt(100_000)
                + " status="
                + (r.nextInt(20) == 0 ? 500 : 200)
                + " duration="
                + r.nextInt(2000) / 10.0
                + "ms bytes="
                + r.nextInt(50_000);
        List<Label> md =
            r.nextInt(4) == 0
                ? List.of(new Label("trace_id", Long.toHexString(r.nextLong())))
                : List.of();
        w.append(streams[r.nextInt(streams.length)], ts, line.getBytes(StandardCharsets.UTF_8), md);
      }
      raw += w.rawBytes();
      byte[] bytes = w.finish();
      String key = ObjectKeys.segment(tenant, DAY, 0, n++ * 10_000L);
      store.put(key, bytes);
      stored += bytes.length;
      indexed.add(new IndexedSegment(key, bytes.length, SegmentReader.readFooter(bytes).streams()));
    }
    new IndexStore(store).save(new TenantDayIndex(tenant, DAY, indexed));
    return new long[] {n, raw, stored};
  }
}
