package io.skald.storage;

import java.util.Comparator;

/**
 * The argument rules shared by every store. Keys must map safely onto file paths, so they are
 * relative '/'-separated paths: non-empty segments, no "." or ".." segments, no backslashes or NUL,
 * and no segment starting with {@link #RESERVED_PREFIX} (used by the file system store for temp
 * files).
 */
final class Keys {

  static final String RESERVED_PREFIX = ".skald-tmp";

  /** S3's listing order: UTF-8 byte order, which equals code point order (not UTF-16 order). */
  static final Comparator<String> UTF8_ORDER = Keys::compareCodePoints;

  private static final int MAX_KEY_BYTES = 1024; // S3's limit

  private Keys() {}

  static String requireValidKey(String key) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("key must not be empty");
    }
    if (key.endsWith("/")) {
      throw invalid(key, "ends with '/'");
    }
    return requireValidPath(key, "key");
  }

  /** A prefix may be empty, end with '/' or stop inside a segment ("segments/fake/2026-"). */
  static String requireValidPrefix(String prefix) {
    if (prefix == null) {
      throw new IllegalArgumentException("prefix must not be null (use \"\")");
    }
    if (prefix.isEmpty()) {
      return prefix;
    }
    String complete = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    if (complete.isEmpty()) {
      throw invalid(prefix, "starts with '/'");
    }
    requireValidPath(complete, "prefix");
    return prefix;
  }

  static void requireValidRange(long offset, int length) {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException(
          "offset and length must be >= 0: " + offset + ", " + length);
    }
  }

  private static String requireValidPath(String path, String what) {
    if (path.startsWith("/")) {
      throw invalid(path, "is absolute");
    }
    if (path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0) {
      throw invalid(path, "contains a backslash or NUL");
    }
    if (path.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
      throw invalid(path, "is longer than " + MAX_KEY_BYTES + " bytes");
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty()) {
        throw invalid(path, "has an empty segment");
      }
      if (segment.equals(".") || segment.equals("..")) {
        throw invalid(path, "has a '" + segment + "' segment");
      }
      if (segment.startsWith(RESERVED_PREFIX)) {
        throw invalid(path, "has a segment starting with the reserved " + RESERVED_PREFIX);
      }
    }
    return path;
  }

  private static IllegalArgumentException invalid(String value, String why) {
    return new IllegalArgumentException("invalid object key or prefix '" + value + "': " + why);
  }

  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
