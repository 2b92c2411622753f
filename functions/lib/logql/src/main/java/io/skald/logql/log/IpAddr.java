package io.skald.logql.log;

/**
 * A mutable IPv4/IPv6 address parsed straight from bytes, following Go's {@code netip.ParseAddr}:
 * dotted quads without leading zeros, IPv6 with one {@code ::} and an optional trailing IPv4 part,
 * no zones. IPv4 and IPv4-mapped IPv6 are different addresses. Mutable so the line scanner can
 * reuse one instance.
 */
final class IpAddr {
  boolean v6;
  long hi;
  long lo;

  /** Scratch for IPv6 parsing, kept so that scanning lines does not allocate. */
  private final int[] groups = new int[8];

  int bits() {
    return v6 ? 128 : 32;
  }

  void copyFrom(IpAddr o) {
    v6 = o.v6;
    hi = o.hi;
    lo = o.lo;
  }

  /** Unsigned comparison; only meaningful within one family. */
  int compareTo(IpAddr o) {
    int c = Long.compareUnsigned(hi, o.hi);
    return c != 0 ? c : Long.compareUnsigned(lo, o.lo);
  }

  static IpAddr parse(String s) {
    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    IpAddr a = new IpAddr();
    return a.parse(b, 0, b.length) ? a : null;
  }

  /** Parses b[off, off+len); returns false (leaving garbage) when it is not an address. */
  boolean parse(byte[] b, int off, int len) {
    for (int i = off; i < off + len; i++) {
      if (b[i] == ':') {
        return parse6(b, off, len);
      }
      if (b[i] == '.') {
        break;
      }
    }
    v6 = false;
    hi = 0;
    long v = parse4(b, off, len);
    lo = v;
    return v >= 0;
  }

  /** The 32-bit value of a dotted quad, or -1. */
  private static long parse4(byte[] b, int off, int len) {
    long value = 0;
    int fields = 0;
    int i = off;
    int end = off + len;
    while (fields < 4) {
      int start = i;
      int v = 0;
      while (i < end && b[i] >= '0' && b[i] <= '9') {
        v = v * 10 + (b[i] - '0');
        i++;
        if (i - start > 3 || v > 255) {
          return -1;
        }
      }
      int digits = i - start;
      if (digits == 0 || (digits > 1 && b[start] == '0')) {
        return -1;
      }
      value = (value << 8) | v;
      fields++;
      if (fields < 4) {
        if (i >= end || b[i] != '.') {
          return -1;
        }
        i++;
      }
    }
    return i == end ? value : -1;
  }

  private boolean parse6(byte[] b, int off, int len) {
    java.util.Arrays.fill(groups, 0);
    int n = 0;
    int ellipsis = -1;
    int i = off;
    int end = off + len;
    if (len >= 2 && b[i] == ':' && b[i + 1] == ':') {
      ellipsis = 0;
      i += 2;
      if (i == end) {
        return finish6(groups, n, ellipsis);
      }
    }
    while (i < end && n < 8) {
      int start = i;
      int v = 0;
      while (i < end && hex(b[i]) >= 0 && i - start < 5) {
        v = (v << 4) | hex(b[i]);
        i++;
      }
      int digits = i - start;
      if (digits == 0 || digits > 4) {
        return false;
      }
      if (i < end && b[i] == '.') {
        // Embedded IPv4 in the last 32 bits.
        if (ellipsis < 0 && n != 6 || n > 6) {
          return false;
        }
        long v4 = parse4(b, start, end - start);
        if (v4 < 0) {
          return false;
        }
        groups[n++] = (int) (v4 >>> 16);
        groups[n++] = (int) (v4 & 0xffff);
        i = end;
        break;
      }
      groups[n++] = v;
      if (i == end) {
        break;
      }
      if (b[i] != ':' || i + 1 == end) {
        return false;
      }
      i++;
      if (b[i] == ':') {
        if (ellipsis >= 0) {
          return false;
        }
        ellipsis = n;
        i++;
        if (i == end) {
          break;
        }
      }
    }
    if (i != end) {
      return false;
    }
    return finish6(groups, n, ellipsis);
  }

  private boolean finish6(int[] groups, int n, int ellipsis) {
    if (ellipsis < 0) {
      if (n != 8) {
        return false;
      }
    } else {
      if (n == 8) {
        return false; // "::" must stand for at least one group
      }
      int fill = 8 - n;
      System.arraycopy(groups, ellipsis, groups, ellipsis + fill, n - ellipsis);
      for (int k = ellipsis; k < ellipsis + fill; k++) {
        groups[k] = 0;
      }
    }
    v6 = true;
    hi = ((long) groups[0] << 48) | ((long) groups[1] << 32) | ((long) groups[2] << 16) | groups[3];
    lo = ((long) groups[4] << 48) | ((long) groups[5] << 32) | ((long) groups[6] << 16) | groups[7];
    return true;
  }

  static int hex(byte c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
