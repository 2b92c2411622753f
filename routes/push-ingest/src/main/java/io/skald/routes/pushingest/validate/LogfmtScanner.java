package io.skald.routes.pushingest.validate;

/**
 * The key/value scanner of Loki's logfmt decoder, only as far as level detection needs it: it walks
 * {@code key=value} pairs and stops at the first syntax error.
 */
final class LogfmtScanner {
  private final String line;
  private int pos;
  private String key;
  private String value;

  LogfmtScanner(String line) {
    this.line = line;
  }

  boolean eol() {
    return pos >= line.length();
  }

  String key() {
    return key;
  }

  /** The value, or null when the pair had none. */
  String value() {
    return value;
  }

  /** Advances to the next pair; false at the end or on a syntax error. */
  boolean scan() {
    key = null;
    value = null;
    int n = line.length();
    while (pos < n && line.charAt(pos) <= ' ') {
      pos++;
    }
    if (pos >= n) {
      return false;
    }
    int start = pos;
    while (pos < n) {
      char c = line.charAt(pos);
      if (c == '=') {
        if (pos > start) {
          key = line.substring(start, pos);
          if (key.indexOf('\uFFFD') >= 0) {
            return skipValue();
          }
        }
        if (key == null) {
          return skipValue();
        }
        return afterEquals();
      }
      if (c == '"') {
        return skipValue();
      }
      if (c <= ' ') {
        if (pos > start) {
          key = line.substring(start, pos);
          return key.indexOf('\uFFFD') < 0;
        }
        return true;
      }
      pos++;
    }
    key = line.substring(start, pos);
    return key.indexOf('\uFFFD') < 0;
  }

  private boolean afterEquals() {
    pos++;
    int n = line.length();
    if (pos >= n) {
      return true;
    }
    char c = line.charAt(pos);
    if (c <= ' ') {
      return true;
    }
    if (c == '"') {
      return quotedValue();
    }
    int start = pos;
    while (pos < n) {
      c = line.charAt(pos);
      if (c == '=' || c == '"') {
        return skipValue();
      }
      if (c <= ' ') {
        break;
      }
      pos++;
    }
    if (pos > start) {
      value = line.substring(start, pos);
    }
    return true;
  }

  private boolean quotedValue() {
    int n = line.length();
    StringBuilder b = null;
    int start = pos + 1;
    for (int i = start; i < n; i++) {
      char c = line.charAt(i);
      if (c == '\\') {
        if (b == null) {
          b = new StringBuilder(line.substring(start, i));
        }
        if (++i >= n) {
          break;
        }
        char e = line.charAt(i);
        switch (e) {
          case '"', '\\', '/' -> b.append(e);
          case 'b' -> b.append('\b');
          case 'f' -> b.append('\f');
          case 'n' -> b.append('\n');
          case 'r' -> b.append('\r');
          case 't' -> b.append('\t');
          case 'u' -> {
            if (i + 4 >= n) {
              pos = n;
              return false;
            }
            try {
              b.append((char) Integer.parseInt(line.substring(i + 1, i + 5), 16));
            } catch (NumberFormatException ex) {
              pos = n;
              return false;
            }
            i += 4;
          }
          default -> {
            pos = i + 1;
            return false; // invalid quoted value
          }
        }
      } else if (c == '"') {
        pos = i + 1;
        String v = b == null ? line.substring(start, i) : b.toString();
        value = v.isEmpty() && b == null ? null : v;
        return true;
      } else if (b != null) {
        b.append(c);
      }
    }
    pos = n;
    return false; // unterminated quoted value
  }

  private boolean skipValue() {
    int n = line.length();
    while (pos < n && line.charAt(pos) > ' ') {
      pos++;
    }
    return false;
  }
}
