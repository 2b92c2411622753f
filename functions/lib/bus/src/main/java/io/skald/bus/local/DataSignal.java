package io.skald.bus.local;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes consumers of a topic when something they may care about changed (new durable records,
 * ownership, wakeup, close) so that polls wait instead of spinning. A version number avoids lost
 * signals between a consumer's read attempt and its wait.
 */
final class DataSignal {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private long version;

  long version() {
    lock.lock();
    try {
      return version;
    } finally {
      lock.unlock();
    }
  }

  void signalAll() {
    lock.lock();
    try {
      version++;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Waits until the version moves past {@code seen} or {@code nanos} elapse. */
  void await(long seen, long nanos) throws InterruptedException {
    lock.lock();
    try {
      long left = nanos;
      while (version == seen && left > 0) {
        left = changed.awaitNanos(left);
      }
    } finally {
      lock.unlock();
    }
  }

  /** A poll timeout in nanos, capped so that now + timeout cannot overflow. */
  static long nanos(Duration d) {
    return d.isNegative() ? 0 : Math.min(TimeUnit.NANOSECONDS.convert(d), Long.MAX_VALUE / 4);
  }
}
