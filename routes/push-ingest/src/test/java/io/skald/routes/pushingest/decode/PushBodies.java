package io.skald.routes.pushingest.decode;

import com.google.protobuf.Timestamp;
import io.skald.routes.pushingest.proto.EntryAdapter;
import io.skald.routes.pushingest.proto.LabelPairAdapter;
import io.skald.routes.pushingest.proto.PushRequest;
import io.skald.routes.pushingest.proto.StreamAdapter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.xerial.snappy.Snappy;

/** Builds push bodies the way clients do. */
final class PushBodies {
  private PushBodies() {}

  static EntryAdapter entry(long seconds, int nanos, String line, String... smPairs) {
    EntryAdapter.Builder b =
        EntryAdapter.newBuilder()
            .setTimestamp(Timestamp.newBuilder().setSeconds(seconds).setNanos(nanos))
            .setLine(line);
    for (int i = 0; i < smPairs.length; i += 2) {
      b.addStructuredMetadata(
          LabelPairAdapter.newBuilder().setName(smPairs[i]).setValue(smPairs[i + 1]));
    }
    return b.build();
  }

  static PushRequest request(String labels, EntryAdapter... entries) {
    StreamAdapter.Builder s = StreamAdapter.newBuilder().setLabels(labels);
    for (EntryAdapter e : entries) {
      s.addEntries(e);
    }
    return PushRequest.newBuilder().addStreams(s).build();
  }

  static byte[] snappy(byte[] raw) {
    try {
      return Snappy.compress(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] gzip(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Raw DEFLATE (RFC 1951), what Go's flate.NewWriter produces. */
  static byte[] deflate(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream d =
        new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, true))) {
      d.write(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** zlib-wrapped deflate (RFC 1950), which Loki does not accept for Content-Encoding: deflate. */
  static byte[] zlib(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream d = new DeflaterOutputStream(out, new Deflater())) {
      d.write(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
