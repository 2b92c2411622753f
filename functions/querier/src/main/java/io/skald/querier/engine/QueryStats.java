package io.skald.querier.engine;

/**
 * What one query read and returned; written as Loki's {@code stats} object. The store read path
 * ({@link StoreReader}, {@link StoreRead}) counts the store side for both engines; the engines add
 * what their pipelines kept and returned.
 */
public final class QueryStats {
  /** Distinct segment objects holding the selected streams. */
  public long segmentsReferenced;

  /** Blocks fetched and decoded, with their stored and raw bytes and their lines. */
  public long blocksDownloaded;

  public long compressedBytes;
  public long decompressedBytes;
  public long decompressedLines;

  /** Lines a log query's pipeline kept. */
  public long postFilterLines;

  /** Entries dropped as duplicates of one already read or returned. */
  public long duplicates;

  public long entriesReturned;

  /** Distinct streams selected (matching and overlapping the range). */
  public long streams;

  public long downloadNanos;
  public long execNanos;

  /** System.nanoTime() after which the query gives up; Long.MAX_VALUE for none. */
  public long deadlineNanos = Long.MAX_VALUE;

  /** Called between blocks: bounds how long any query can run. */
  public void checkDeadline() {
    if (System.nanoTime() - deadlineNanos > 0) {
      throw new QueryTimeoutException();
    }
  }

  /** Warnings for the response (Logs Drilldown's partial results). */
  public final java.util.List<String> warnings = new java.util.ArrayList<>();
}
