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
  /** Warnings for the response (Logs Drilldown's partial results). */
  public final java.util.List<String> warnings = new java.util.ArrayList<>();
}
