package io.skald.compactor.merge;

import io.skald.layout.ObjectKeys;
import io.skald.storage.ObjectInfo;
import io.skald.storage.ObjectStore;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The days a tenant has an index object for, from one listing of its index prefix. */
public final class IndexedDays {

  private IndexedDays() {}

  public static List<LocalDate> list(ObjectStore store, String tenant) throws IOException {
    List<LocalDate> days = new ArrayList<>();
    for (ObjectInfo info : store.list(ObjectKeys.indexPrefix(tenant))) {
      ObjectKeys.parseIndex(info.key()).ifPresent(k -> days.add(k.day()));
    }
    return days;
  }
}
