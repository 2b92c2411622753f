package io.skald.compactor.merge;

import java.time.LocalDate;
import java.util.List;

/**
 * What a merge or rewrite produced, before anything is written.
 *
 * @param entriesIn entries in the inputs' footers
 * @param entriesOut entries in the outputs
 * @param duplicates exact duplicates dropped (same stream, timestamp, line and metadata)
 * @param filtered entries the {@link EntryFilter} left out
 */
public record MergeResult(
    String tenant,
    LocalDate day,
    String id,
    List<InputRef> inputs,
    List<SegmentOutput> outputs,
    long entriesIn,
    long entriesOut,
    long duplicates,
    long filtered,
    long inputBytes,
    long inputRawBytes) {

  public Replacement replacement() {
    return new Replacement(tenant, day, id, inputs, outputs);
  }

  /** True when the outputs hold exactly what the inputs held (nothing dropped). */
  public boolean unchanged() {
    return duplicates == 0 && filtered == 0;
  }
}
