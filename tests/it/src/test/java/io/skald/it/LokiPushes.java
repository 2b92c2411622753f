package io.skald.it;

import com.google.protobuf.Timestamp;
import io.skald.routes.pushingest.proto.EntryAdapter;
import io.skald.routes.pushingest.proto.LabelPairAdapter;
import io.skald.routes.pushingest.proto.PushRequest;
import io.skald.routes.pushingest.proto.StreamAdapter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.xerial.snappy.Snappy;

/**
 * Push bodies as real clients build them: protobuf + snappy block (Alloy, Promtail), JSON (Loki4j,
 * curl).
 */
final class LokiPushes {

  record Line(long tsNanos, String text, Map<String, String> metadata) {
    Line(long tsNanos, String text) {
      this(tsNanos, text, Map.of());
    }
  }

  private LokiPushes() {}

  static byte[] protobufSnappy(String labels, List<Line> lines) {
    StreamAdapter.Builder stream = StreamAdapter.newBuilder().setLabels(labels);
    for (Line l : lines) {
      EntryAdapter.Builder e =
          EntryAdapter.newBuilder()
              .setTimestamp(
                  Timestamp.newBuilder()
                      .setSeconds(l.tsNanos() / 1_000_000_000L)
                      .setNanos((int) (l.tsNanos() % 1_000_000_000L)))
              .setLine(l.text());
      l.metadata()
          .forEach(
              (k, v) ->
                  e.addStructuredMetadata(LabelPairAdapter.newBuilder().setName(k).setValue(v)));
      stream.addEntries(e);
    }
    try {
      return Snappy.compress(PushRequest.newBuilder().addStreams(stream).build().toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String json(Map<String, String> labels, List<Line> lines) {
    StringBuilder b = new StringBuilder("{\"streams\":[{\"stream\":{");
    boolean first = true;
    for (Map.Entry<String, String> e : labels.entrySet()) {
      b.append(first ? "" : ",").append(quote(e.getKey())).append(':').append(quote(e.getValue()));
      first = false;
    }
    b.append("},\"values\":[");
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      b.append(i == 0 ? "" : ",")
          .append("[\"")
          .append(l.tsNanos())
          .append("\",")
          .append(quote(l.text()));
      if (!l.metadata().isEmpty()) {
        b.append(",{");
        boolean f = true;
        for (Map.Entry<String, String> e : l.metadata().entrySet()) {
          b.append(f ? "" : ",").append(quote(e.getKey())).append(':').append(quote(e.getValue()));
          f = false;
        }
        b.append('}');
      }
      b.append(']');
    }
    return b.append("]}]}").toString();
  }

  static byte[] gzip(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Raw DEFLATE (RFC 1951): Loki reads "Content-Encoding: deflate" with Go's flate.NewReader. */
  static byte[] deflate(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (java.util.zip.DeflaterOutputStream d =
        new java.util.zip.DeflaterOutputStream(
            out, new java.util.zip.Deflater(java.util.zip.Deflater.DEFAULT_COMPRESSION, true))) {
      d.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c)); // JSON allows no raw control characters
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
