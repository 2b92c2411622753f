package io.skald.compactor.merge;

import io.skald.index.CorruptIndexException;
import io.skald.index.IndexCodec;
import io.skald.index.IndexedSegment;
import io.skald.layout.ObjectKeys;
import io.skald.storage.ObjectInfo;
import io.skald.storage.ObjectStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what pending-deletes records name once their time has come. A candidate is deleted only
 * if the current index of its tenant-day exists and does not reference it, and its version tag is
 * still the recorded one; RECHECK candidates that pass are re-armed as DELETE for one more delay
 * instead (see {@link PendingDelete}). Every step is idempotent, so a crash mid-record just repeats
 * it on the next run.
 */
public final class DelayedDeleter {

  private static final Logger LOG = LoggerFactory.getLogger(DelayedDeleter.class);

  /** What one run did. */
  public record Stats(int recordsDue, int deleted, int rearmed, int keptReferenced) {}

  private final ObjectStore store;
  private final PendingDeleteStore pending;
  private final Clock clock;
  private final Duration delay;

  public DelayedDeleter(ObjectStore store, Clock clock, Duration retentionDeleteDelay) {
    this.store = store;
    this.pending = new PendingDeleteStore(store);
    this.clock = clock;
    this.delay = retentionDeleteDelay;
  }

  /** Processes the due records of one tenant, or of every tenant when {@code tenant} is null. */
  public Stats run(String tenant) throws IOException {
    int[] s = new int[4];
    Instant now = clock.instant();
    for (String key : pending.keys(tenant)) {
      Optional<PendingDelete> record;
      try {
        record = pending.load(key);
      } catch (IOException e) {
        LOG.warn("skipping unreadable pending-deletes record {}: {}", key, e.toString());
        continue;
      }
      if (record.isEmpty() || now.isBefore(record.get().deleteAfter())) {
        continue;
      }
      s[0]++;
      try {
        process(record.get(), s);
      } catch (CorruptIndexException e) {
        // Without a readable index nothing can be proven unreferenced: keep everything.
        LOG.error(
            "index of {}/{} unreadable; pending deletes kept: {}",
            record.get().tenant(),
            record.get().day(),
            e.getMessage());
      }
    }
    return new Stats(s[0], s[1], s[2], s[3]);
  }

  private void process(PendingDelete record, int[] s) throws IOException, CorruptIndexException {
    Optional<byte[]> indexBytes = store.get(ObjectKeys.index(record.tenant(), record.day()));
    if (indexBytes.isEmpty()) {
      // Every swap writes the index, so a missing one is being rebuilt or was lost: prove nothing.
      LOG.warn("no index for {}/{}; pending deletes kept", record.tenant(), record.day());
      return;
    }
    Set<String> referenced = new HashSet<>();
    for (IndexedSegment seg : IndexCodec.decode(indexBytes.get()).segments()) {
      referenced.add(seg.key());
    }
    List<PendingDelete.Candidate> rearm = new ArrayList<>();
    for (PendingDelete.Candidate c : record.candidates()) {
      if (referenced.contains(c.key())) {
        s[3]++;
        continue;
      }
      Optional<ObjectInfo> info = store.head(c.key());
      if (info.isEmpty() || (c.eTag() != null && !c.eTag().equals(info.get().eTag()))) {
        continue; // gone already, or rewritten since: not the object this record is about
      }
      if (c.action() == PendingDelete.Action.DELETE) {
        store.delete(c.key());
        s[1]++;
      } else {
        rearm.add(
            new PendingDelete.Candidate(c.key(), info.get().eTag(), PendingDelete.Action.DELETE));
      }
    }
    if (rearm.isEmpty()) {
      pending.delete(record);
    } else {
      s[2] += rearm.size();
      pending.save(
          new PendingDelete(
              record.tenant(), record.day(), record.id(), clock.instant().plus(delay), rearm));
    }
  }
}
