package io.skald.compactor;

import io.skald.index.CorruptIndexException;
import io.skald.index.TenantDayIndex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one {@link SegmentIndexer} of a process behind the one lock of a process. The bus loop, the
 * CloudEvents endpoint and the catch-up all read-modify-write tenant-day index objects; taking
 * turns here keeps them from overwriting each other's changes. Other writers of index objects
 * (compaction, retention) should run under {@link #exclusively} for the same reason.
 */
public final class SharedIndexer {

  /** Work on the indexes that may fail the way index and object store calls do. */
  @FunctionalInterface
  public interface Work<T> {
    T run() throws IOException, CorruptIndexException;
  }

  /** A batch of {@link SegmentIndexer#index} calls. */
  @FunctionalInterface
  public interface Batch<T> {
    T run(SegmentIndexer indexer) throws IOException, CorruptIndexException;
  }

  /** Told about the indexes a batch wrote, after the lock is released. */
  @FunctionalInterface
  public interface FlushListener {
    void flushed(List<TenantDayIndex> indexes);
  }

  private final SegmentIndexer indexer;
  private volatile FlushListener listener = indexes -> {};
  // Fair: a steady stream of HTTP events must not starve the bus loop, or the other way round.
  private final ReentrantLock lock = new ReentrantLock(true);

  public SharedIndexer(SegmentIndexer indexer) {
    this.indexer = indexer;
  }

  /**
   * Runs {@code batch}, then writes the indexes it changed, holding the lock throughout. On any
   * failure nothing unflushed survives, so a retry starts from what is stored.
   */
  public <T> T indexAndFlush(Batch<T> batch) throws IOException, CorruptIndexException {
    List<List<TenantDayIndex>> written = new ArrayList<>(1);
    T result =
        exclusively(
            () -> {
              try {
                T r = batch.run(indexer);
                written.add(indexer.flush());
                return r;
              } catch (IOException | CorruptIndexException | RuntimeException e) {
                indexer.discard();
                throw e;
              }
            });
    if (!written.get(0).isEmpty()) {
      listener.flushed(written.get(0));
    }
    return result;
  }

  public void onFlush(FlushListener listener) {
    this.listener = listener;
  }

  /** Runs {@code work} while no other index writer of this process runs. */
  public <T> T exclusively(Work<T> work) throws IOException, CorruptIndexException {
    lock.lock();
    try {
      return work.run();
    } finally {
      lock.unlock();
    }
  }
}
