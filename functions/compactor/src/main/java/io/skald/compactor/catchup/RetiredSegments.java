package io.skald.compactor.catchup;

import io.skald.storage.ObjectInfo;
import java.io.IOException;
import java.time.LocalDate;
import java.util.function.Predicate;

/**
 * Segments that left a tenant-day index on purpose (compacted away, rewritten by retention or a
 * delete request) and wait for their delayed deletion: they are in the bucket but must not be
 * indexed again, or the catch-up would undo the compactor's work.
 */
@FunctionalInterface
public interface RetiredSegments {

  RetiredSegments NONE = (tenant, day) -> segment -> false;

  /** A test for the segments of one tenant-day. */
  Predicate<ObjectInfo> of(String tenant, LocalDate day) throws IOException;
}
