package io.skald.routes.pushingest.decode;

import io.skald.gocompat.GoTime;
import io.skald.routes.pushingest.model.MetadataPair;
import io.skald.routes.pushingest.model.PushEntry;
import io.skald.routes.pushingest.model.PushRequest;
import io.skald.routes.pushingest.model.PushStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code logproto.PushRequest} (see {@code push.proto}) straight into our model. Written by
 * hand rather than with the generated parser because protobuf-java rejects invalid UTF-8 in proto3
 * strings while Loki accepts it; here invalid sequences become U+FFFD. Error texts follow the
 * gogo-generated Go code, including its quirks (a bad wire type on {@code labels} names the field
 * {@code StructuredMetadata}).
 */
final class ProtobufPushParser {
  private static final long MIN_VALID_SECONDS = -62135596800L;
  private static final long MAX_VALID_SECONDS = 253402300800L;

  private final ProtoWire in;

  private ProtobufPushParser(byte[] body) {
    this.in = new ProtoWire(body);
  }

  static PushRequest parse(byte[] body) {
    return new ProtobufPushParser(body).pushRequest();
  }

  private PushRequest pushRequest() {
    int limit = in.buf.length;
    List<PushStream> streams = new ArrayList<>();
    while (in.pos < limit) {
      int start = in.pos;
      long tag = tag("PushRequest", limit);
      int field = (int) (tag >>> 3);
      int wire = (int) (tag & 7);
      if (field == 1) {
        expect(wire, 2, "Streams");
        int end = in.lengthDelimitedEnd(limit);
        streams.add(stream(end));
      } else if (field == 2) {
        expect(wire, 2, "Format");
        in.pos = in.lengthDelimitedEnd(limit);
      } else {
        skip(start, limit);
      }
    }
    return new PushRequest(streams);
  }

  private PushStream stream(int limit) {
    String labels = "";
    List<PushEntry> entries = new ArrayList<>();
    while (in.pos < limit) {
      int start = in.pos;
      long tag = tag("StreamAdapter", limit);
      int field = (int) (tag >>> 3);
      int wire = (int) (tag & 7);
      switch (field) {
        case 1 -> {
          expect(wire, 2, "StructuredMetadata"); // sic: the Go code names the labels field so
          labels = in.string(limit);
        }
        case 2 -> {
          expect(wire, 2, "Entries");
          int end = in.lengthDelimitedEnd(limit);
          entries.add(entry(end));
        }
        case 3 -> {
          expect(wire, 0, "Hash");
          in.varint(limit);
        }
        default -> skip(start, limit);
      }
    }
    return new PushStream(labels, entries);
  }

  private PushEntry entry(int limit) {
    // A missing timestamp is Go's zero time (0001-01-01), far before anything the validator
    // accepts.
    long ts = Long.MIN_VALUE;
    String line = "";
    List<MetadataPair> metadata = new ArrayList<>(0);
    while (in.pos < limit) {
      int start = in.pos;
      long tag = tag("EntryAdapter", limit);
      int field = (int) (tag >>> 3);
      int wire = (int) (tag & 7);
      switch (field) {
        case 1 -> {
          expect(wire, 2, "Timestamp");
          int end = in.lengthDelimitedEnd(limit);
          ts = timestamp(end);
        }
        case 2 -> {
          expect(wire, 2, "Line");
          line = in.string(limit);
        }
        case 3 -> {
          expect(wire, 2, "StructuredMetadata");
          int end = in.lengthDelimitedEnd(limit);
          metadata.add(labelPair(end));
        }
        case 4 -> {
          expect(wire, 2, "Parsed");
          int end = in.lengthDelimitedEnd(limit);
          labelPair(end); // query-side only; validated for wire errors, then dropped
        }
        default -> skip(start, limit);
      }
    }
    return new PushEntry(ts, line, metadata);
  }

  private MetadataPair labelPair(int limit) {
    String name = "";
    String value = "";
    while (in.pos < limit) {
      int start = in.pos;
      long tag = tag("LabelPairAdapter", limit);
      int field = (int) (tag >>> 3);
      int wire = (int) (tag & 7);
      if (field == 1) {
        expect(wire, 2, "Name");
        name = in.string(limit);
      } else if (field == 2) {
        expect(wire, 2, "Value");
        value = in.string(limit);
      } else {
        skip(start, limit);
      }
    }
    return new MetadataPair(name, value);
  }

  private long timestamp(int limit) {
    long seconds = 0;
    long nanos = 0;
    while (in.pos < limit) {
      int start = in.pos;
      long tag = tag("Timestamp", limit);
      int field = (int) (tag >>> 3);
      int wire = (int) (tag & 7);
      if (field == 1) {
        expect(wire, 0, "Seconds");
        seconds = in.varint(limit);
      } else if (field == 2) {
        expect(wire, 0, "Nanos");
        nanos = (int) in.varint(limit); // int32 field
      } else {
        skip(start, limit);
      }
    }
    if (seconds < MIN_VALID_SECONDS) {
      throw ProtoWire.bad("timestamp: " + goTimestamp(seconds, nanos) + " before 0001-01-01");
    }
    if (seconds >= MAX_VALID_SECONDS) {
      throw ProtoWire.bad("timestamp: " + goTimestamp(seconds, nanos) + " after 10000-01-01");
    }
    if (nanos < 0 || nanos >= 1_000_000_000L) {
      throw ProtoWire.bad(
          "timestamp: " + goTimestamp(seconds, nanos) + ": nanos not in range [0, 1e9)");
    }
    return GoTime.saturatedNanos(seconds, nanos);
  }

  private static String goTimestamp(long seconds, long nanos) {
    return "&types.Timestamp{Seconds: " + seconds + ",\nNanos: " + nanos + ",\n}";
  }

  private long tag(String message, int limit) {
    long tag = in.varint(limit);
    int field = (int) (tag >>> 3);
    int wire = (int) (tag & 7);
    if (wire == 4) {
      throw ProtoWire.bad("proto: " + message + ": wiretype end group for non-group");
    }
    if (field <= 0) {
      throw ProtoWire.bad(
          "proto: "
              + message
              + ": illegal tag "
              + field
              + " (wire type "
              + Long.toUnsignedString(tag)
              + ")");
    }
    return tag;
  }

  private static void expect(int wire, int want, String field) {
    if (wire != want) {
      throw ProtoWire.bad("proto: wrong wireType = " + wire + " for field " + field);
    }
  }

  private void skip(int start, int limit) {
    in.pos = start;
    in.skipField(limit);
  }
}
