package io.skald.compactor.merge;

import java.time.LocalDate;
import java.util.List;

/**
 * One atomic change of a tenant-day index: {@code inputs} leave it, {@code outputs} enter it.
 * Outputs may be empty (retention dropped whole segments, or a delete removed every line).
 *
 * @param id stable id of the change ({@link ReplacementId#of}); names the pending-deletes record
 */
public record Replacement(
    String tenant, LocalDate day, String id, List<InputRef> inputs, List<SegmentOutput> outputs) {

  public Replacement {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }
}
