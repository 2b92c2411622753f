package io.skald.compactor.merge;

import io.skald.index.CorruptIndexException;
import io.skald.index.IndexStore;
import io.skald.index.IndexedSegment;
import io.skald.index.TenantDayIndex;
import io.skald.storage.ObjectInfo;
import io.skald.storage.ObjectStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a {@link Replacement} so that readers see the old or the new state of a tenant-day and
 * never a mix or a gap. Steps, each one object write:
 *
 * <ol>
 *   <li>pending-deletes record "intent" naming inputs and outputs (all RECHECK);
 *   <li>the output segments;
 *   <li>ONE new version of the index object: inputs out, outputs in (a put replaces the object
 *       atomically, so this is the commit point);
 *   <li>the record again, now "swapped": inputs DELETE after the delay.
 * </ol>
 *
 * A crash before 3 leaves outputs nobody references; a crash between 3 and 4 leaves inputs nobody
 * references. Either way the intent record names them and {@link DelayedDeleter} removes them after
 * rechecking. Nothing referenced by the index is ever deleted.
 */
public final class IndexSwap {

  private static final Logger LOG = LoggerFactory.getLogger(IndexSwap.class);

  /** Whether the swap happened. */
  public enum Outcome {
    SWAPPED,
    CONFLICT
  }

  private final ObjectStore store;
  private final IndexStore indexes;
  private final PendingDeleteStore pending;
  private final Clock clock;
  private final Duration delay;

  public IndexSwap(ObjectStore store, Clock clock, Duration retentionDeleteDelay) {
    this.store = store;
    this.indexes = new IndexStore(store);
    this.pending = new PendingDeleteStore(store);
    this.clock = clock;
    this.delay = retentionDeleteDelay;
  }

  public Outcome commit(Replacement r) throws IOException, CorruptIndexException {
    if (r.inputs().isEmpty() && r.outputs().isEmpty()) {
      return Outcome.SWAPPED;
    }
    pending.save(PendingDelete.intent(r, clock.instant().plus(delay)));
    for (SegmentOutput out : r.outputs()) {
      store.put(out.key(), out.bytes());
    }
    TenantDayIndex current = indexes.load(r.tenant(), r.day());
    Optional<String> conflict = conflict(current, r);
    if (conflict.isPresent()) {
      // The intent record makes the outputs garbage to be collected after the delay.
      LOG.info("not swapping {} for {}/{}: {}", r.id(), r.tenant(), r.day(), conflict.get());
      return Outcome.CONFLICT;
    }
    TenantDayIndex next = current.copy();
    r.inputs().forEach(in -> next.remove(in.key()));
    r.outputs().forEach(out -> next.put(out.indexed()));
    indexes.save(next);
    pending.save(PendingDelete.swapped(r, clock.instant().plus(delay)));
    return Outcome.SWAPPED;
  }

  /**
   * Why the swap must not happen: an input left the index (another replacement or retention got
   * there first) or was rewritten since it was read (a chunker replay may have added entries).
   */
  private Optional<String> conflict(TenantDayIndex current, Replacement r) throws IOException {
    Set<String> indexed = new HashSet<>();
    for (IndexedSegment s : current.segments()) {
      indexed.add(s.key());
    }
    for (InputRef in : r.inputs()) {
      if (!indexed.contains(in.key())) {
        return Optional.of(in.key() + " is no longer in the index");
      }
      Optional<ObjectInfo> info = store.head(in.key());
      if (info.isEmpty() || !info.get().eTag().equals(in.eTag())) {
        return Optional.of(in.key() + " changed since it was read");
      }
    }
    return Optional.empty();
  }
}
