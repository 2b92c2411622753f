package io.skald.compactor.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.skald.index.IndexStore;
import io.skald.index.IndexedSegment;
import io.skald.layout.ObjectKeys;
import io.skald.storage.ObjectInfo;
import io.skald.storage.ObjectStore;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Invariants of a store after any sequence of compactor steps. */
public final class StoreChecks {

  private StoreChecks() {}

  /** Every segment the index references exists with the indexed size. */
  public static void assertIndexComplete(ObjectStore store, String tenant, LocalDate day)
      throws Exception {
    for (IndexedSegment s : new IndexStore(store).load(tenant, day).segments()) {
      assertThat(store.head(s.key())).as("object of indexed " + s.key()).isPresent();
      assertThat(store.head(s.key()).get().size()).isEqualTo(s.size());
    }
  }

  /** Segment objects of the tenant-day that the index does not reference. */
  public static Set<String> unreferenced(ObjectStore store, String tenant, LocalDate day)
      throws Exception {
    Set<String> referenced = new TreeSet<>();
    new IndexStore(store).load(tenant, day).segments().forEach(s -> referenced.add(s.key()));
    Set<String> out = new TreeSet<>();
    for (ObjectInfo info : store.list(ObjectKeys.segmentPrefix(tenant, day))) {
      if (!referenced.contains(info.key())) {
        out.add(info.key());
      }
    }
    return out;
  }

  public static List<ObjectInfo> pendingRecords(ObjectStore store) throws Exception {
    return store.list(ObjectKeys.PENDING_DELETES);
  }
}
