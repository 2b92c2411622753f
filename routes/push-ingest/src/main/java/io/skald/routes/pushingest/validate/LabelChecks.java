package io.skald.routes.pushingest.validate;

import io.skald.gocompat.Utf8;
import io.skald.labels.Label;
import io.skald.limits.Limits;
import io.skald.routes.pushingest.model.PushEntry;
import java.util.List;

/** Loki's {@code Validator.ValidateLabels}: stream-level checks, first failure wins. */
final class LabelChecks {
  private LabelChecks() {}

  /** Null when the labels are fine, else the rejection of the whole stream. */
  static Rejection check(
      List<Label> labels, String canonical, List<PushEntry> entries, Limits limits) {
    if (labels.isEmpty()) {
      return reject(
          IngestRejection.MISSING_LABELS, entries, IngestRejection.MISSING_LABELS.format());
    }
    if (ServiceNameDiscovery.isInternalStream(labels)) {
      return null;
    }
    int names = labels.size();
    if (ServiceNameDiscovery.get(labels, ServiceNameDiscovery.SERVICE_NAME) != null) {
      names--;
    }
    if (names > limits.maxLabelNamesPerSeries()) {
      return reject(
          IngestRejection.MAX_LABEL_NAMES_PER_SERIES,
          entries,
          IngestRejection.MAX_LABEL_NAMES_PER_SERIES.format(
              canonical, names, limits.maxLabelNamesPerSeries()));
    }
    String last = "";
    for (Label l : labels) {
      if (Utf8.length(l.name()) > limits.maxLabelNameLength()) {
        return reject(
            IngestRejection.LABEL_NAME_TOO_LONG,
            entries,
            IngestRejection.LABEL_NAME_TOO_LONG.format(canonical, l.name()));
      }
      if (Utf8.length(l.value()) > limits.maxLabelValueLength()) {
        return reject(
            IngestRejection.LABEL_VALUE_TOO_LONG,
            entries,
            IngestRejection.LABEL_VALUE_TOO_LONG.format(canonical, l.value()));
      }
      if (l.name().equals(last)) {
        return reject(
            IngestRejection.DUPLICATE_LABEL_NAMES,
            entries,
            IngestRejection.DUPLICATE_LABEL_NAMES.format(canonical, l.name()));
      }
      last = l.name();
    }
    return null;
  }

  private static Rejection reject(IngestRejection reason, List<PushEntry> entries, String message) {
    long bytes = 0;
    for (PushEntry e : entries) {
      bytes += EntryChecks.entrySize(e.line(), e.structuredMetadata());
    }
    return new Rejection(reason, entries.size(), bytes, message);
  }
}
