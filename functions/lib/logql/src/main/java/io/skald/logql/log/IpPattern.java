package io.skald.logql.log;

import io.skald.gocompat.GoQuote;

/**
 * The argument of {@code ip("...")}: one address, a CIDR prefix or an {@code a-b} range, parsed
 * like Go's netip/netipx. An address only matches a pattern of its own family.
 */
final class IpPattern {
  private final IpAddr from;
  private final IpAddr to;

  private IpPattern(IpAddr from, IpAddr to) {
    this.from = from;
    this.to = to;
  }

  /**
   * @throws IllegalArgumentException {@code ip: invalid pattern: "..."}, Loki's text
   */
  static IpPattern parse(String pattern) {
    IpAddr single = IpAddr.parse(pattern);
    if (single != null) {
      return new IpPattern(single, single);
    }
    int slash = pattern.indexOf('/');
    if (slash > 0) {
      IpPattern p = prefix(pattern.substring(0, slash), pattern.substring(slash + 1));
      if (p != null) {
        return p;
      }
    }
    int dash = pattern.indexOf('-');
    if (dash > 0) {
      IpAddr a = IpAddr.parse(pattern.substring(0, dash));
      IpAddr b = IpAddr.parse(pattern.substring(dash + 1));
      if (a != null && b != null && a.v6 == b.v6 && a.compareTo(b) <= 0) {
        return new IpPattern(a, b);
      }
    }
    throw new IllegalArgumentException("ip: invalid pattern: " + GoQuote.quote(pattern));
  }

  private static IpPattern prefix(String addr, String bitsText) {
    IpAddr a = IpAddr.parse(addr);
    if (a == null
        || bitsText.isEmpty()
        || bitsText.length() > 3
        || (bitsText.length() > 1 && bitsText.charAt(0) == '0')
        || !bitsText.chars().allMatch(Character::isDigit)) {
      return null;
    }
    int bits = Integer.parseInt(bitsText);
    if (bits > a.bits()) {
      return null;
    }
    IpAddr lo = new IpAddr();
    IpAddr hi = new IpAddr();
    lo.copyFrom(a);
    hi.copyFrom(a);
    int hostBits = a.bits() - bits;
    // Mask over the 128-bit (hi, lo) pair; IPv4 lives in the low 32 bits of lo.
    long maskLo = hostBits >= 64 ? -1L : (1L << hostBits) - 1;
    long maskHi = hostBits <= 64 ? 0 : hostBits >= 128 ? -1L : (1L << (hostBits - 64)) - 1;
    lo.lo &= ~maskLo;
    lo.hi &= ~maskHi;
    hi.lo |= maskLo;
    hi.hi |= maskHi;
    if (!a.v6) {
      lo.lo &= 0xffffffffL;
      hi.lo &= 0xffffffffL;
    }
    return new IpPattern(lo, hi);
  }

  boolean contains(IpAddr ip) {
    return ip.v6 == from.v6 && from.compareTo(ip) <= 0 && ip.compareTo(to) <= 0;
  }
}
