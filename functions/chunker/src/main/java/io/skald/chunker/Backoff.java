package io.skald.chunker;

import java.time.Duration;

/** Exponential backoff for retrying writes to an unavailable object store or bus. */
public final class Backoff {

  private final long minMillis;
  private final long maxMillis;
  private long nextMillis;

  public Backoff(Duration min, Duration max) {
    this.minMillis = Math.max(1, min.toMillis());
    this.maxMillis = Math.max(minMillis, max.toMillis());
    this.nextMillis = minMillis;
  }

  /** Waits for the current delay and doubles it; returns false when interrupted. */
  public boolean pause() {
    try {
      Thread.sleep(nextMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    nextMillis = Math.min(maxMillis, nextMillis * 2);
    return true;
  }

  public void reset() {
    nextMillis = minMillis;
  }
}
