package io.skald.compactor.merge;

import io.skald.layout.ObjectKeys;
import io.skald.segment.BlockCursor;
import io.skald.segment.BlockRef;
import io.skald.segment.CorruptSegmentException;
import io.skald.segment.SegmentFooter;
import io.skald.segment.SegmentReader;
import io.skald.segment.SegmentWriter;
import io.skald.segment.StoredEntry;
import io.skald.segment.StreamInfo;
import io.skald.segment.StreamMerge;
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
 * Reads segments of one tenant-day and writes their entries again as new segments: per stream, all
 * inputs' entries merged in time order with exact duplicates dropped ({@link StreamMerge}, as
 * queries read them), optionally filtered, zstd compressed by {@link SegmentWriter}. Nothing is
 * written to the store here; {@link IndexSwap} does that. Inputs are small by construction (the
 * planner bounds them), so each is fetched with one GET instead of one ranged GET per block.
 */
public final class SegmentMerger {

  private final ObjectStore store;
  private final CompactionConfig config;

  public SegmentMerger(ObjectStore store, CompactionConfig config) {
    this.store = store;
    this.config = config;
  }

  /**
   * @param purpose what the rewrite is for ({@code merge}, {@code retention}, {@code delete}); part
   *     of the output keys, together with {@code detail}
   * @throws NoSuchObjectException if an input is gone (someone else replaced it)
   */
  public MergeResult merge(
      String tenant,
      LocalDate day,
      String purpose,
      String detail,
      List<String> inputKeys,
      EntryFilter filter)
      throws IOException, CorruptSegmentException {
    List<InputRef> inputs = new ArrayList<>();
    Map<String, List<Source>> streams = new TreeMap<>();
    long entriesIn = 0;
    long inputBytes = 0;
    long inputRaw = 0;
    for (String key : inputKeys) {
      // The tag is taken before the bytes: if a replay rewrites the key in between, the swap's
      // tag check sees a newer tag than the one recorded and refuses.
      ObjectInfo info =
          store.head(key).orElseThrow(() -> new NoSuchObjectException(store.bucket(), key));
      byte[] bytes =
          store.get(key).orElseThrow(() -> new NoSuchObjectException(store.bucket(), key));
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
      List<Source> sources = e.getValue();
      long[] dropped = new long[1];
      StreamMerge<CorruptSegmentException> merge =
          new StreamMerge<>(
              sources.stream().map(s -> s.info.blocks()).toList(),
              (part, block) -> read(sources.get(part), block, f, dropped));
      for (StoredEntry en = merge.next(); en != null; en = merge.next()) {
        out.append(labels, en);
      }
      filtered += dropped[0];
      duplicates += merge.duplicates();
    }
    List<SegmentOutput> outputs = out.finish();
    long entriesOut = entriesIn - duplicates - filtered;
    return new MergeResult(
        tenant,
        day,
        id,
        inputs,
        outputs,
        entriesIn,
        entriesOut,
        duplicates,
        filtered,
        inputBytes,
        inputRaw);
  }

  /** The entries of one block of an input that the filter keeps; counts the others. */
  private static List<StoredEntry> read(
      Source s, BlockRef b, EntryFilter.StreamFilter f, long[] dropped)
      throws CorruptSegmentException {
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
    List<StoredEntry> kept = new ArrayList<>(c.entryCount());
    while (c.next()) {
      if (f != EntryFilter.StreamFilter.KEEP_ALL && f.drop(c.timestampNanos(), c)) {
        dropped[0]++;
      } else {
        kept.add(StoredEntry.copyOf(c));
      }
    }
    return kept;
  }

  /**
   * Uncompressed bytes per output: the configured bound, lowered so the stored size lands near the
   * target object size at the inputs' compression ratio.
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

    void append(String labels, StoredEntry e) throws CorruptSegmentException {
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
