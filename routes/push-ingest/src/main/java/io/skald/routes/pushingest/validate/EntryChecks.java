package io.skald.routes.pushingest.validate;

import io.skald.gocompat.GoTime;
import io.skald.gocompat.Utf8;
import io.skald.limits.Limits;
import io.skald.routes.pushingest.model.MetadataPair;
import io.skald.routes.pushingest.model.PushEntry;
import java.util.List;

/**
 * Loki's {@code Validator.ValidateEntry}: time, line size and structured metadata, first failure
 * wins.
 */
final class EntryChecks {
  private final Limits limits;
  private final long oldestNanos;
  private final long newestNanos;

  EntryChecks(Limits limits, long oldestNanos, long newestNanos) {
    this.limits = limits;
    this.oldestNanos = oldestNanos;
    this.newestNanos = newestNanos;
  }

  /** Null when the entry is fine. */
  Rejection check(String canonical, PushEntry e) {
    long ts = e.timestampNanos();
    int lineBytes = Utf8.length(e.line());
    List<MetadataPair> sm = e.structuredMetadata();
    long smBytes = metadataSize(sm);
    long size = lineBytes + smBytes;
    if (limits.rejectOldSamples() && ts < oldestNanos) {
      return new Rejection(
          IngestRejection.GREATER_THAN_MAX_SAMPLE_AGE,
          1,
          size,
          IngestRejection.GREATER_THAN_MAX_SAMPLE_AGE.format(
              canonical, time(ts), time(oldestNanos)));
    }
    if (ts > newestNanos) {
      return new Rejection(
          IngestRejection.TOO_FAR_IN_FUTURE,
          1,
          size,
          IngestRejection.TOO_FAR_IN_FUTURE.format(canonical, time(ts)));
    }
    int maxLine = limits.maxLineSize();
    if (maxLine != 0 && lineBytes > maxLine) {
      return new Rejection(
          IngestRejection.LINE_TOO_LONG,
          1,
          size,
          IngestRejection.LINE_TOO_LONG.format(maxLine, canonical, lineBytes));
    }
    if (!sm.isEmpty()) {
      if (!limits.allowStructuredMetadata()) {
        return new Rejection(
            IngestRejection.DISALLOWED_STRUCTURED_METADATA,
            1,
            size,
            IngestRejection.DISALLOWED_STRUCTURED_METADATA.format(canonical));
      }
      int maxSize = limits.maxStructuredMetadataSize();
      if (maxSize != 0 && smBytes > maxSize) {
        return new Rejection(
            IngestRejection.STRUCTURED_METADATA_TOO_LARGE,
            1,
            size,
            IngestRejection.STRUCTURED_METADATA_TOO_LARGE.format(canonical, smBytes, maxSize));
      }
      int maxCount = limits.maxStructuredMetadataEntriesCount();
      if (maxCount != 0 && sm.size() > maxCount) {
        return new Rejection(
            IngestRejection.STRUCTURED_METADATA_TOO_MANY,
            1,
            size,
            IngestRejection.STRUCTURED_METADATA_TOO_MANY.format(canonical, sm.size(), maxCount));
      }
    }
    return null;
  }

  /** Line plus metadata bytes, as Loki sizes an entry for limits and metrics. */
  static long entrySize(String line, List<MetadataPair> sm) {
    return Utf8.length(line) + metadataSize(sm);
  }

  /** Name plus value bytes of every pair except {@code detected_level}. */
  static long metadataSize(List<MetadataPair> sm) {
    long n = 0;
    for (MetadataPair p : sm) {
      if (!p.name().equals(DetectedLevel.LABEL)) {
        n += Utf8.length(p.name()) + Utf8.length(p.value());
      }
    }
    return n;
  }

  /**
   * RFC 3339 in UTC; {@link Long#MIN_VALUE} stands for Go's zero time (an entry without timestamp).
   */
  private static String time(long nanos) {
    return nanos == Long.MIN_VALUE ? "0001-01-01T00:00:00Z" : GoTime.rfc3339(nanos);
  }
}
