package io.skald.bus.local;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.NavigableMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Time-based retention like Kafka's log.retention: deletes the oldest sealed segments whose last
 * write is older than the retention, never the active one. A consumer positioned in a deleted
 * segment restarts at the new log start (Kafka's auto.offset.reset=earliest).
 */
final class Retention {

  private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

  private Retention() {}

  /** Runs on open and on each roll; the map removal comes first so readers stop finding it. */
  static void apply(NavigableMap<Long, Segment> segments, Segment active, Duration retention) {
    long keepMillis = retention.toMillis();
    long cutoff = System.currentTimeMillis() - keepMillis;
    if (keepMillis == Long.MAX_VALUE || cutoff < 0) {
      return;
    }
    for (Segment segment : segments.values()) {
      try {
        if (segment == active || Files.getLastModifiedTime(segment.path()).toMillis() >= cutoff) {
          return;
        }
        segments.remove(segment.baseOffset());
        Files.deleteIfExists(segment.path());
        LOG.info("retention: deleted {}", segment.path());
      } catch (IOException e) {
        LOG.warn("retention: could not delete {}", segment.path(), e);
        return;
      }
    }
  }
}
