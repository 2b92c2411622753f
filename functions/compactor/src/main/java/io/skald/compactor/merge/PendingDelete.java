package io.skald.compactor.merge;

import io.skald.layout.ObjectKeys;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A pending-deletes record: objects of one tenant-day that may be deleted once {@code deleteAfter}
 * has passed, if the tenant-day index no longer references them.
 *
 * <p>{@link Action#DELETE} means "known to have left the index at least the delay before {@code
 * deleteAfter}": delete if unreferenced. {@link Action#RECHECK} means "may have left the index, but
 * when is unknown": if unreferenced, it is re-armed as DELETE for one more delay. That makes every
 * deletion happen at least one full delay after the object left the index, whatever step a crash
 * interrupted.
 */
public record PendingDelete(
    String tenant, LocalDate day, String id, Instant deleteAfter, List<Candidate> candidates) {

  public enum Action {
    DELETE,
    RECHECK
  }

  /**
   * @param eTag the version to delete; null when unknown (an output not written yet). A key whose
   *     version changed since is left alone.
   */
  public record Candidate(String key, String eTag, Action action) {
    public Candidate {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(action, "action");
    }
  }

  public PendingDelete {
    Objects.requireNonNull(deleteAfter, "deleteAfter");
    candidates = List.copyOf(candidates);
  }

  /**
   * Written before anything else of a replacement: if the process dies at any later step, this
   * record still names every object involved, and rechecking sorts out which are garbage.
   */
  public static PendingDelete intent(Replacement r, Instant deleteAfter) {
    List<Candidate> c = new ArrayList<>();
    r.inputs().forEach(in -> c.add(new Candidate(in.key(), in.eTag(), Action.RECHECK)));
    r.outputs().forEach(out -> c.add(new Candidate(out.key(), null, Action.RECHECK)));
    return new PendingDelete(r.tenant(), r.day(), r.id(), deleteAfter, c);
  }

  /**
   * Written right after the index swap: the inputs left the index just now. Outputs stay as RECHECK
   * so that, should a concurrent index writer have undone the swap, they are cleaned up.
   */
  public static PendingDelete swapped(Replacement r, Instant deleteAfter) {
    List<Candidate> c = new ArrayList<>();
    r.inputs().forEach(in -> c.add(new Candidate(in.key(), in.eTag(), Action.DELETE)));
    r.outputs().forEach(out -> c.add(new Candidate(out.key(), null, Action.RECHECK)));
    return new PendingDelete(r.tenant(), r.day(), r.id(), deleteAfter, c);
  }

  public String objectKey() {
    return ObjectKeys.pendingDeletes(tenant, day, id);
  }
}
