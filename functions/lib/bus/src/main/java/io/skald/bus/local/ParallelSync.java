package io.skald.bus.local;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Syncs the partitions of one batch concurrently. Each partition is its own file, and the file
 * system merges concurrent fsyncs into one journal commit: on ext4 here, four files synced in
 * parallel ran ~10x faster than one after another.
 */
final class ParallelSync implements AutoCloseable {

  private final ExecutorService threads;

  ParallelSync(int threadCount) {
    AtomicInteger id = new AtomicInteger();
    this.threads =
        Executors.newFixedThreadPool(
            threadCount,
            r -> {
              Thread t = new Thread(r, "skald-bus-fsync-" + id.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Syncs every log; the result holds, per log, null or the failure. */
  Map<PartitionLog, IOException> syncAll(Set<PartitionLog> logs) {
    Map<PartitionLog, IOException> results = new LinkedHashMap<>();
    if (logs.size() == 1) {
      PartitionLog only = logs.iterator().next();
      results.put(only, sync(only));
      return results;
    }
    Map<PartitionLog, Future<IOException>> pending = new LinkedHashMap<>();
    for (PartitionLog log : logs) {
      pending.put(log, threads.submit(() -> sync(log)));
    }
    pending.forEach(
        (log, future) -> {
          try {
            results.put(log, future.get());
          } catch (InterruptedException | ExecutionException e) {
            results.put(log, new IOException("fsync did not finish", e));
          }
        });
    return results;
  }

  @Override
  public void close() {
    threads.shutdown();
  }

  private static IOException sync(PartitionLog log) {
    try {
      log.sync();
      return null;
    } catch (IOException e) {
      return e;
    }
  }
}
