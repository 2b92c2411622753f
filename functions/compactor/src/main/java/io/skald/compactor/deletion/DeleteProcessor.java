package io.skald.compactor.deletion;

import io.skald.compactor.merge.EntryFilter;
import io.skald.compactor.merge.IndexSwap;
import io.skald.compactor.merge.IndexedDays;
import io.skald.compactor.merge.MergeResult;
import io.skald.compactor.merge.SegmentMerger;
import io.skald.deletes.DeleteFilter;
import io.skald.deletes.DeleteRequest;
import io.skald.deletes.DeleteRequestStore;
import io.skald.deletes.DeleteShard;
import io.skald.index.CorruptIndexException;
import io.skald.index.IndexStore;
import io.skald.index.IndexedSegment;
import io.skald.labels.Label;
import io.skald.labels.LabelSet;
import io.skald.segment.BlockCursor;
import io.skald.segment.CorruptSegmentException;
import io.skald.segment.StreamInfo;
import io.skald.storage.NoSuchObjectException;
import io.skald.storage.ObjectStore;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Deletes the lines of a tenant's delete requests physically, one request piece at a time: every
 * segment of the days the piece covers that holds a matching stream in its range is rewritten
 * without the matching lines (through the same merge and index swap as compaction; a segment left
 * empty just leaves the index), then the piece is marked processed, which advances the request's
 * status. A piece whose swap met a conflict stays unprocessed and is retried on the next run. Only
 * requests past their cancel period are touched.
 */
public final class DeleteProcessor {

  /** What one run did. */
  public record Stats(
      int piecesProcessed, int requestsCompleted, int segmentsRewritten, long linesDeleted) {}

  private final ObjectStore segments;
  private final IndexStore indexes;
  private final DeleteRequestStore requests;
  private final SegmentMerger merger;
  private final IndexSwap swap;

  public DeleteProcessor(
      ObjectStore segments, DeleteRequestStore requests, SegmentMerger merger, IndexSwap swap) {
    this.segments = segments;
    this.indexes = new IndexStore(segments);
    this.requests = requests;
    this.merger = merger;
    this.swap = swap;
  }

  public Stats process(String tenant)
      throws IOException, CorruptIndexException, CorruptSegmentException {
    List<LocalDate> days = IndexedDays.list(segments, tenant);
    int[] s = new int[3];
    long[] lines = new long[1];
    for (DeleteRequest r : requests.readyForProcessing(tenant)) {
      DeleteRequest current = r;
      for (int i = 0; i < r.shards().size(); i++) {
        DeleteShard shard = r.shards().get(i);
        if (shard.processed()) {
          continue;
        }
        if (!processShard(tenant, days, r, shard, s, lines)) {
          break; // retried next run, after the conflicting change is visible
        }
        current = requests.markShardProcessed(current, i);
        s[0]++;
      }
      if (current.isProcessed()) {
        s[1]++;
      }
    }
    return new Stats(s[0], s[1], s[2], lines[0]);
  }

  private boolean processShard(
      String tenant,
      List<LocalDate> days,
      DeleteRequest r,
      DeleteShard shard,
      int[] s,
      long[] lines)
      throws IOException, CorruptIndexException, CorruptSegmentException {
    DeleteFilter filter = DeleteFilter.forShard(r, shard);
    boolean ok = true;
    for (LocalDate day : days) {
      long dayStart = day.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000_000L;
      long dayEnd = dayStart + 86_400_000_000_000L;
      if (dayStart > shard.endNanos() || dayEnd <= shard.startNanos()) {
        continue;
      }
      for (IndexedSegment seg : indexes.load(tenant, day).segments()) {
        if (!affected(seg, filter)) {
          continue;
        }
        MergeResult result;
        try {
          result =
              merger.merge(
                  tenant,
                  day,
                  "delete",
                  r.requestId() + "/" + shard.startNanos(),
                  List.of(seg.key()),
                  entryFilter(filter));
        } catch (NoSuchObjectException e) {
          ok = false;
          continue;
        }
        if (result.filtered() == 0) {
          continue; // the line filters matched nothing here
        }
        if (swap.commit(result.replacement()) == IndexSwap.Outcome.SWAPPED) {
          s[2]++;
          lines[0] += result.filtered();
        } else {
          ok = false;
        }
      }
    }
    return ok;
  }

  /** Decided from the index alone: a matching stream overlapping the piece's range. */
  private static boolean affected(IndexedSegment seg, DeleteFilter filter) {
    for (StreamInfo st : seg.streams()) {
      if (filter.mayDelete(
          LabelSet.parse(st.labels()).asMap(), st.minTimeNanos(), st.maxTimeNanos())) {
        return true;
      }
    }
    return false;
  }

  private static EntryFilter entryFilter(DeleteFilter filter) {
    return labels -> {
      Map<String, String> map = LabelSet.parse(labels).asMap();
      DeleteFilter.StreamDeletes d = filter.forStream(map);
      if (d == null) {
        return EntryFilter.StreamFilter.KEEP_ALL;
      }
      if (!d.needsLine()) {
        return (ts, entry) -> d.deleted(ts, "");
      }
      return (ts, entry) ->
          d.deleted(ts, entry.lineArray(), entry.lineOffset(), entry.lineLength(), metadata(entry));
    };
  }

  /** The entry's structured metadata, which a delete query may filter on. */
  private static List<Label> metadata(BlockCursor entry) {
    int count = entry.structuredMetadataCount();
    if (count == 0) {
      return List.of();
    }
    List<Label> out = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      out.add(new Label(entry.structuredMetadataName(k), entry.structuredMetadataValue(k)));
    }
    return out;
  }
}
