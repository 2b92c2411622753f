package io.skald.compactor.merge;

import io.skald.index.ObjectKeys;
import io.skald.storage.ObjectInfo;
import io.skald.storage.ObjectStore;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The days a tenant has an index object for, from one listing of its index prefix. */
public final class IndexedDays {

  private IndexedDays() {}

  public static List<LocalDate> list(ObjectStore store, String tenant) throws IOException {
    String prefix = ObjectKeys.indexPrefix(tenant);
    List<LocalDate> days = new ArrayList<>();
    for (ObjectInfo info : store.list(prefix)) {
      String name = info.key().substring(prefix.length());
      if (!name.endsWith(".json") || name.contains("/")) {
        continue;
      }
      try {
        days.add(LocalDate.parse(name.substring(0, name.length() - ".json".length())));
      } catch (DateTimeParseException e) {
        // not an index object of ours
      }
    }
    return days;
  }
}
