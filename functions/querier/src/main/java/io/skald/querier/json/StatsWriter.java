package io.skald.querier.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.skald.querier.engine.QueryStats;
import java.io.IOException;

/**
 * Writes Loki's {@code stats} object with every field Grafana's query inspector shows. Fields Skald
 * has no counterpart for (ingesters, result caches) are written as zero.
 */
final class StatsWriter {

  private static final String[] CACHES = {
    "chunk",
    "index",
    "result",
    "statsResult",
    "volumeResult",
    "seriesResult",
    "labelResult",
    "instantMetricResult",
    "logResult",
    "taskResult"
  };

  private StatsWriter() {}

  static void write(JsonGenerator g, QueryStats s) throws IOException {
    double execSeconds = s.execNanos / 1e9;
    g.writeObjectFieldStart("stats");
    g.writeObjectFieldStart("summary");
    g.writeNumberField("bytesProcessedPerSecond", perSecond(s.decompressedBytes, execSeconds));
    g.writeNumberField("linesProcessedPerSecond", perSecond(s.decompressedLines, execSeconds));
    g.writeNumberField("totalBytesProcessed", s.decompressedBytes);
    g.writeNumberField("totalLinesProcessed", s.decompressedLines);
    g.writeNumberField("execTime", execSeconds);
    g.writeNumberField("queueTime", 0.0);
    g.writeNumberField("subqueries", 0);
    g.writeNumberField("totalEntriesReturned", s.entriesReturned);
    g.writeNumberField("splits", 0);
    g.writeNumberField("shards", 0);
    g.writeNumberField("totalPostFilterLines", s.postFilterLines);
    g.writeNumberField("totalStructuredMetadataBytesProcessed", 0);
    g.writeEndObject();
    g.writeObjectFieldStart("querier");
    store(g, s, true);
    g.writeNumberField("querierExecTime", execSeconds);
    g.writeEndObject();
    g.writeObjectFieldStart("ingester");
    g.writeNumberField("totalReached", 0);
    g.writeNumberField("totalChunksMatched", 0);
    g.writeNumberField("totalBatches", 0);
    g.writeNumberField("totalLinesSent", 0);
    store(g, new QueryStats(), false);
    g.writeEndObject();
    g.writeObjectFieldStart("cache");
    for (String c : CACHES) {
      g.writeObjectFieldStart(c);
      for (String f :
          new String[] {
            "entriesFound",
            "entriesRequested",
            "entriesStored",
            "bytesReceived",
            "bytesSent",
            "requests",
            "downloadTime",
            "queryLengthServed"
          }) {
        g.writeNumberField(f, 0);
      }
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeObjectFieldStart("index");
    g.writeNumberField("totalChunks", s.segmentsReferenced);
    g.writeNumberField("postFilterChunks", s.segmentsReferenced);
    g.writeNumberField("shardsDuration", 0);
    g.writeBooleanField("usedBloomFilters", false);
    g.writeNumberField("totalStreams", s.streams);
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void store(JsonGenerator g, QueryStats s, boolean fromStore) throws IOException {
    g.writeObjectFieldStart("store");
    g.writeNumberField("totalChunksRef", s.segmentsReferenced);
    g.writeNumberField("totalChunksDownloaded", s.blocksDownloaded);
    g.writeNumberField("chunksDownloadTime", s.downloadNanos);
    g.writeBooleanField("queryReferencedStructuredMetadata", false);
    g.writeObjectFieldStart("chunk");
    g.writeNumberField("headChunkBytes", 0);
    g.writeNumberField("headChunkLines", 0);
    g.writeNumberField("decompressedBytes", fromStore ? s.decompressedBytes : 0);
    g.writeNumberField("decompressedLines", fromStore ? s.decompressedLines : 0);
    g.writeNumberField("compressedBytes", fromStore ? s.compressedBytes : 0);
    g.writeNumberField("totalDuplicates", fromStore ? s.duplicates : 0);
    g.writeNumberField("postFilterLines", fromStore ? s.postFilterLines : 0);
    g.writeNumberField("headChunkStructuredMetadataBytes", 0);
    g.writeNumberField("decompressedStructuredMetadataBytes", 0);
    g.writeEndObject();
    g.writeNumberField("chunkRefsFetchTime", 0);
    g.writeNumberField("congestionControlLatency", 0);
    g.writeNumberField("pipelineWrapperFilteredLines", 0);
    g.writeEndObject();
  }

  private static long perSecond(long n, double seconds) {
    return seconds <= 0 ? 0 : (long) (n / seconds);
  }
}
