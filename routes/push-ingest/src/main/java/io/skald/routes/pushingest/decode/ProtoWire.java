package io.skald.routes.pushingest.decode;

import io.skald.routes.pushingest.PushException;
import java.nio.charset.StandardCharsets;

/**
 * Protobuf wire-format primitives over a byte array, failing with the texts of the gogo-generated
 * Go unmarshallers Loki uses ({@code unexpected EOF}, {@code proto: integer overflow}, ...).
 */
final class ProtoWire {
  static final String UNEXPECTED_EOF = "unexpected EOF";
  static final String INT_OVERFLOW = "proto: integer overflow";
  static final String INVALID_LENGTH = "proto: negative length found during unmarshaling";

  final byte[] buf;
  int pos;

  ProtoWire(byte[] buf) {
    this.buf = buf;
  }

  long varint(int limit) {
    long v = 0;
    for (int shift = 0; ; shift += 7) {
      if (shift >= 64) {
        throw bad(INT_OVERFLOW);
      }
      if (pos >= limit) {
        throw bad(UNEXPECTED_EOF);
      }
      int b = buf[pos++];
      v |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return v;
      }
    }
  }

  /**
   * Reads a length prefix and returns the end offset of the field, checked against {@code limit}.
   */
  int lengthDelimitedEnd(int limit) {
    long len = varint(limit);
    if (len < 0) {
      throw bad(INVALID_LENGTH);
    }
    long end = pos + len;
    if (end > limit) {
      throw bad(UNEXPECTED_EOF);
    }
    return (int) end;
  }

  String string(int limit) {
    int end = lengthDelimitedEnd(limit);
    String s =
        new String(buf, pos, end - pos, StandardCharsets.UTF_8); // invalid UTF-8 becomes U+FFFD
    pos = end;
    return s;
  }

  /** Go's {@code skipPush}: skips the field whose tag starts at {@code pos}. */
  void skipField(int limit) {
    long tag = varint(limit);
    int wireType = (int) (tag & 7);
    switch (wireType) {
      case 0 -> {
        for (int shift = 0; ; shift += 7) {
          if (shift >= 64) {
            throw bad(INT_OVERFLOW);
          }
          if (pos >= limit) {
            throw bad(UNEXPECTED_EOF);
          }
          if (buf[pos++] >= 0) {
            break;
          }
        }
      }
      case 1 -> advance(8, limit);
      case 2 -> pos = lengthDelimitedEnd(limit);
      case 3 -> {
        while (true) {
          int start = pos;
          long inner = varint(limit);
          if ((inner & 7) == 4) {
            break;
          }
          pos = start;
          skipField(limit);
        }
      }
      case 4 -> {}
      case 5 -> advance(4, limit);
      default -> throw bad("proto: illegal wireType " + wireType);
    }
  }

  private void advance(int n, int limit) {
    if ((long) pos + n > limit) {
      throw bad(UNEXPECTED_EOF);
    }
    pos += n;
  }

  static PushException bad(String message) {
    return new PushException(400, message);
  }
}
