package io.skald.index;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.skald.segment.BlockRef;
import io.skald.segment.StreamInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Index object format v1: JSON, documented in {@code docs/formats/index-v1.md}. Blocks are written
 * as fixed-position arrays to keep the object small; readers reject any other version.
 */
public final class IndexCodec {

  public static final int VERSION = 1;
  private static final JsonFactory JSON = new JsonFactory();

  private IndexCodec() {}

  public static byte[] encode(TenantDayIndex index) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("version", VERSION);
      g.writeStringField("tenant", index.tenant());
      g.writeStringField("day", index.day().toString());
      g.writeArrayFieldStart("segments");
      for (IndexedSegment s : index.segments()) {
        writeSegment(g, s);
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void writeSegment(JsonGenerator g, IndexedSegment s) throws IOException {
    g.writeStartObject();
    g.writeStringField("key", s.key());
    g.writeNumberField("size", s.size());
    g.writeArrayFieldStart("streams");
    for (StreamInfo st : s.streams()) {
      g.writeStartObject();
      g.writeStringField("labels", st.labels());
      g.writeNumberField("minTime", st.minTimeNanos());
      g.writeNumberField("maxTime", st.maxTimeNanos());
      g.writeNumberField("entries", st.entries());
      g.writeNumberField("bytes", st.rawBytes());
      g.writeArrayFieldStart("blocks");
      for (BlockRef b : st.blocks()) {
        g.writeStartArray();
        g.writeNumber(b.offset());
        g.writeNumber(b.length());
        g.writeNumber(b.minTimeNanos());
        g.writeNumber(b.maxTimeNanos());
        g.writeNumber(b.entries());
        g.writeNumber(b.rawBytes());
        g.writeNumber(b.crc32());
        g.writeEndArray();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  public static TenantDayIndex decode(byte[] bytes) throws CorruptIndexException {
    try (JsonParser p = JSON.createParser(bytes)) {
      expect(p, JsonToken.START_OBJECT);
      int version = -1;
      String tenant = null;
      LocalDate day = null;
      List<IndexedSegment> segments = new ArrayList<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "version" -> version = p.getIntValue();
          case "tenant" -> tenant = p.getText();
          case "day" -> day = LocalDate.parse(p.getText());
          case "segments" -> {
            while (p.nextToken() == JsonToken.START_OBJECT) {
              segments.add(readSegment(p));
            }
          }
          default -> p.skipChildren();
        }
      }
      if (version != VERSION) {
        throw new CorruptIndexException("unsupported index version " + version);
      }
      if (tenant == null || day == null) {
        throw new CorruptIndexException("index without tenant or day");
      }
      return new TenantDayIndex(tenant, day, segments);
    } catch (IOException | RuntimeException e) {
      throw new CorruptIndexException("cannot decode index: " + e.getMessage(), e);
    }
  }

  private static IndexedSegment readSegment(JsonParser p) throws IOException {
    String key = null;
    long size = 0;
    List<StreamInfo> streams = new ArrayList<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "key" -> key = p.getText();
        case "size" -> size = p.getLongValue();
        case "streams" -> {
          while (p.nextToken() == JsonToken.START_OBJECT) {
            streams.add(readStream(p));
          }
        }
        default -> p.skipChildren();
      }
    }
    return new IndexedSegment(key, size, streams);
  }

  private static StreamInfo readStream(JsonParser p) throws IOException {
    String labels = null;
    long min = 0;
    long max = 0;
    long entries = 0;
    long bytes = 0;
    List<BlockRef> blocks = new ArrayList<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "labels" -> labels = p.getText();
        case "minTime" -> min = p.getLongValue();
        case "maxTime" -> max = p.getLongValue();
        case "entries" -> entries = p.getLongValue();
        case "bytes" -> bytes = p.getLongValue();
        case "blocks" -> {
          while (p.nextToken() == JsonToken.START_ARRAY) {
            blocks.add(readBlock(p));
          }
        }
        default -> p.skipChildren();
      }
    }
    return new StreamInfo(labels, min, max, entries, bytes, blocks);
  }

  private static BlockRef readBlock(JsonParser p) throws IOException {
    long[] v = new long[7];
    for (int i = 0; i < v.length; i++) {
      p.nextToken();
      v[i] = p.getLongValue();
    }
    expect(p, JsonToken.END_ARRAY);
    return new BlockRef(v[0], (int) v[1], v[2], v[3], (int) v[4], (int) v[5], (int) v[6]);
  }

  private static void expect(JsonParser p, JsonToken token) throws IOException {
    if (p.nextToken() != token) {
      throw new IOException("expected " + token + " at " + p.currentLocation());
    }
  }
}
