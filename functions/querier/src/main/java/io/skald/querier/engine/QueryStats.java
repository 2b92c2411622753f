package io.skald.querier.engine;

/** What one query read and returned; written as Loki's {@code stats} object. */
public final class QueryStats {
  public long segmentsReferenced;
  public long blocksDownloaded;
  public long compressedBytes;
  public long decompressedBytes;
  public long decompressedLines;
  public long postFilterLines;
  public long duplicates;
  public long entriesReturned;
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
