package io.skald.compactor.merge;

import io.skald.layout.ObjectKeys;
import io.skald.segment.BlockCursor;
import io.skald.segment.BlockRef;
import io.skald.segment.CorruptSegmentException;
import io.skald.segment.SegmentFooter;
import io.skald.segment.SegmentReader;
import io.skald.segment.SegmentWriter;
import io.skald.segment.StreamInfo;
import io.skald.storage.NoSuchObjectException;
import io.skald.storage.ObjectInfo;
import io.skald.storage.ObjectStore;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads segments of one tenant-day and writes their entries again as new segments: per stream,
 * all inputs' entries in time order, exact duplicates dropped, optionally filtered, zstd
 * compressed by {@link SegmentWriter}. Nothing is written to the store here; {@link IndexSwap}
 * does that. Inputs are small by construction (the planner bounds them), so each is fetched with
 * one GET instead of one ranged GET per block.
 */
public final class SegmentMerger {

  private final ObjectStore store;
  private final CompactionConfig config;

  public SegmentMerger(ObjectStore store, CompactionConfig config) {
    this.store = store;
    this.config = config;
  }

  /**
   * @param purpose what the rewrite is for ({@code merge}, {@code retention}, {@code delete});
   *     part of the output keys, together with {@code detail}
   * @throws NoSuchObjectException if an input is gone (someone else replaced it)
   */
  public MergeResult merge(String tenant, LocalDate day, String purpose, String detail,
      List<String> inputKeys, EntryFilter filter) throws IOException, CorruptSegmentException {
    List<InputRef> inputs = new ArrayList<>();
    Map<String, List<Source>> streams = new TreeMap<>();
    long entriesIn = 0;
    long inputBytes = 0;
    long inputRaw = 0;
    for (String key : inputKeys) {
      // The tag is taken before the bytes: if a replay rewrites the key in between, the swap's
      // tag check sees a newer tag than the one recorded and refuses.
      ObjectInfo info = store.head(key).orElseThrow(() -> new NoSuchObjectException(store.bucket(), key));
      byte[] bytes = store.get(key).orElseThrow(() -> new NoSuchObjectException(store.bucket(), key));
      inputs.add(new InputRef(key, info.eTag()));
      SegmentFooter footer;
      try {
        footer = SegmentReader.readFooter(bytes);
      } catch (CorruptSegmentException e) {
        throw new CorruptInputException(key, e);
      }
      for (StreamInfo s : footer.streams()) {
        streams.computeIfAbsent(s.labels(), l -> new ArrayList<>()).add(new Source(key, bytes, s));
        entriesIn += s.entries();
        inputRaw += s.rawBytes();
      }
      inputBytes += bytes.length;
    }
    String id = ReplacementId.of(purpose, inputs, detail);
    Output out = new Output(tenant, day, id, rawLimit(inputBytes, inputRaw));
    long duplicates = 0;
    long filtered = 0;
    for (Map.Entry<String, List<Source>> e : streams.entrySet()) {
      String labels = e.getKey();
      EntryFilter.StreamFilter f = filter.forStream(labels);
      if (f == EntryFilter.StreamFilter.DROP_ALL) {
        filtered += e.getValue().stream().mapToLong(s -> s.info.entries()).sum();
        continue;
      }
      StreamEntries entries = new StreamEntries();
      for (Source s : e.getValue()) {
        filtered += read(s, f, entries);
      }
      duplicates += entries.sortAndDeduplicate();
      for (StreamEntries.Entry en : entries.list()) {
        out.append(labels, en);
      }
    }
    List<SegmentOutput> outputs = out.finish();
    long entriesOut = entriesIn - duplicates - filtered;
    return new MergeResult(tenant, day, id, inputs, outputs, entriesIn, entriesOut, duplicates,
        filtered, inputBytes, inputRaw);
  }

  /** Adds the stream's kept entries of one input; returns how many the filter left out. */
  private static long read(Source s, EntryFilter.StreamFilter f, StreamEntries into)
      throws CorruptSegmentException {
    long dropped = 0;
    for (BlockRef b : s.info.blocks()) {
      BlockCursor c;
      try {
        if (b.offset() < 0 || b.offset() + b.length() > s.bytes.length) {
          throw new CorruptSegmentException("block at " + b.offset() + " lies outside the object");
        }
        byte[] stored = Arrays.copyOfRange(s.bytes, (int) b.offset(), (int) b.offset() + b.length());
        c = SegmentReader.openBlock(stored, b);
      } catch (CorruptSegmentException e) {
        throw new CorruptInputException(s.key, e);
      }
      while (c.next()) {
        long ts = c.timestampNanos();
        if (f != EntryFilter.StreamFilter.KEEP_ALL && f.drop(ts, c)) {
          dropped++;
        } else {
          into.add(ts, c.lineBytes(), c.structuredMetadata());
        }
      }
    }
    return dropped;
  }

  /**
   * Uncompressed bytes per output: the configured bound, lowered so the stored size lands near
   * the target object size at the inputs' compression ratio.
   */
  private long rawLimit(long inputBytes, long inputRaw) {
    long limit = config.maxMergeRawBytes();
    if (inputBytes > 0 && inputRaw > 0) {
      double ratio = (double) inputRaw / inputBytes;
      limit = Math.min(limit, (long) Math.max(1, config.targetObjectBytes() * ratio));
    }
    return limit;
  }

  private record Source(String key, byte[] bytes, StreamInfo info) {}

  /** The writer side: appends entries and cuts a new object when one is full. */
  private final class Output {
    private final String tenant;
    private final LocalDate day;
    private final String id;
    private final long rawLimit;
    private final List<SegmentOutput> done = new ArrayList<>();
    private SegmentWriter writer;

    Output(String tenant, LocalDate day, String id, long rawLimit) {
      this.tenant = tenant;
      this.day = day;
      this.id = id;
      this.rawLimit = rawLimit;
    }

    void append(String labels, StreamEntries.Entry e) throws CorruptSegmentException {
      if (writer == null) {
        writer = new SegmentWriter(config.blockTargetBytes(), config.zstdLevel());
      }
      writer.append(labels, e.timestampNanos(), e.line(), e.metadata());
      // Entries are already sorted and unique, so cutting inside a stream is safe.
      if (writer.rawBytes() >= rawLimit) {
        cut();
      }
    }

    List<SegmentOutput> finish() throws CorruptSegmentException {
      if (writer != null && !writer.isEmpty()) {
        cut();
      }
      return done;
    }

    private void cut() throws CorruptSegmentException {
      byte[] bytes = writer.finish();
      writer = null;
      String key = ObjectKeys.compactedSegment(tenant, day, id, done.size());
      done.add(new SegmentOutput(key, bytes, SegmentReader.readFooter(bytes).streams()));
    }
  }
}
