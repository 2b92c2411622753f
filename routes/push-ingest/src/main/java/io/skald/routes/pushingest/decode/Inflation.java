package io.skald.routes.pushingest.decode;

import io.skald.routes.pushingest.PushException;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * {@code Content-Encoding: gzip} (RFC 1952, multi-member like Go's {@code gzip.Reader}) and {@code
 * deflate} (raw RFC 1951 data, like Go's {@code flate.NewReader}; a zlib-wrapped body fails as it
 * does in Loki). Output stops at {@code limit} bytes, so a bomb never inflates further. Errors are
 * 400 with Go's texts ({@code EOF}, {@code unexpected EOF}, {@code gzip: invalid header}, {@code
 * gzip: invalid checksum}, {@code flate: corrupt input before offset N}).
 */
final class Inflation {
  /**
   * The inflated bytes; {@code truncated} means the output reached {@code limit} and was cut there.
   */
  record Result(byte[] bytes, boolean truncated) {}

  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;

  private Inflation() {}

  static Result deflate(byte[] body, int limit) {
    BoundedBuffer out = new BoundedBuffer((int) Math.min(body.length * 4L, limit), limit);
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(body);
      boolean truncated = inflateMember(inflater, out, 0, null);
      return new Result(out.toByteArray(), truncated);
    } finally {
      inflater.end();
    }
  }

  static Result gzip(byte[] body, int limit) {
    BoundedBuffer out = new BoundedBuffer((int) Math.min(body.length * 4L, limit), limit);
    Inflater inflater = new Inflater(true);
    try {
      int pos = 0;
      boolean first = true;
      while (true) {
        if (!first && pos == body.length) {
          return new Result(out.toByteArray(), false);
        }
        pos = header(body, pos);
        first = false;
        int memberStart = out.size();
        CRC32 crc = new CRC32();
        inflater.reset();
        inflater.setInput(body, pos, body.length - pos);
        if (inflateMember(inflater, out, pos, crc)) {
          return new Result(out.toByteArray(), true);
        }
        pos = body.length - inflater.getRemaining();
        if (body.length - pos < 8) {
          throw bad("unexpected EOF");
        }
        long wantCrc = le32(body, pos);
        long wantSize = le32(body, pos + 4);
        if (wantCrc != crc.getValue() || wantSize != ((out.size() - memberStart) & 0xFFFFFFFFL)) {
          throw bad("gzip: invalid checksum");
        }
        pos += 8;
      }
    } finally {
      inflater.end();
    }
  }

  /** Inflates one deflate stream; returns true when the output hit the limit first. */
  private static boolean inflateMember(
      Inflater inflater, BoundedBuffer out, int inputOffset, CRC32 crc) {
    try {
      int stalls = 0;
      while (!inflater.finished()) {
        if (out.remaining() == 0) {
          return true;
        }
        byte[] buf = out.ensure(64 * 1024);
        int n =
            inflater.inflate(buf, out.size(), Math.min(buf.length - out.size(), out.remaining()));
        if (crc != null) {
          crc.update(buf, out.size(), n);
        }
        out.advance(n);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary() || ++stalls > 1)) {
          throw bad("unexpected EOF");
        }
      }
      return false;
    } catch (DataFormatException e) {
      throw bad("flate: corrupt input before offset " + (inputOffset + inflater.getBytesRead()));
    }
  }

  /** Fails with Go's text if the body does not start with a valid gzip header. */
  static void checkGzipHeader(byte[] body) {
    header(body, 0);
  }

  /** Parses a gzip member header at {@code pos}; returns the offset of the deflate data. */
  private static int header(byte[] b, int pos) {
    int avail = b.length - pos;
    if (avail == 0) {
      throw bad("EOF");
    }
    if (avail < 10) {
      throw bad("unexpected EOF");
    }
    if ((b[pos] & 0xFF) != 0x1f || (b[pos + 1] & 0xFF) != 0x8b || b[pos + 2] != 8) {
      throw bad("gzip: invalid header");
    }
    int flags = b[pos + 3] & 0xFF;
    int start = pos;
    int p = pos + 10;
    if ((flags & FEXTRA) != 0) {
      requireBytes(b, p, 2);
      int xlen = (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
      p += 2;
      requireBytes(b, p, xlen);
      p += xlen;
    }
    if ((flags & FNAME) != 0) {
      p = skipZeroTerminated(b, p);
    }
    if ((flags & FCOMMENT) != 0) {
      p = skipZeroTerminated(b, p);
    }
    if ((flags & FHCRC) != 0) {
      requireBytes(b, p, 2);
      CRC32 crc = new CRC32();
      crc.update(b, start, p - start);
      int want = (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
      if (want != (int) (crc.getValue() & 0xFFFF)) {
        throw bad("gzip: invalid header");
      }
      p += 2;
    }
    return p;
  }

  private static int skipZeroTerminated(byte[] b, int p) {
    for (int i = p; i < b.length; i++) {
      if (b[i] == 0) {
        return i + 1;
      }
    }
    throw bad("unexpected EOF");
  }

  private static void requireBytes(byte[] b, int p, int n) {
    if (b.length - p < n) {
      throw bad("unexpected EOF");
    }
  }

  private static long le32(byte[] b, int p) {
    return (b[p] & 0xFFL)
        | (b[p + 1] & 0xFFL) << 8
        | (b[p + 2] & 0xFFL) << 16
        | (b[p + 3] & 0xFFL) << 24;
  }

  private static PushException bad(String message) {
    return new PushException(400, message);
  }
}
