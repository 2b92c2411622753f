package io.skald.logql.log.template;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.Locale;

/** Go's strings functions (and regexp Expand) with Go's edge-case behaviour. */
final class GoStrings {
  private GoStrings() {}

  static String toLower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  static String toUpper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }

  /**
   * strings.Replace: n < 0 means all; an empty old inserts new before every rune and at the end.
   */
  static String replace(String s, String old, String with, long n) {
    if (n == 0 || old.equals(with)) {
      return s;
    }
    StringBuilder sb = new StringBuilder();
    long done = 0;
    int i = 0;
    if (old.isEmpty()) {
      while (i <= s.length() && (n < 0 || done < n)) {
        sb.append(with);
        done++;
        if (i == s.length()) {
          return sb.toString();
        }
        int cp = s.codePointAt(i);
        sb.appendCodePoint(cp);
        i += Character.charCount(cp);
      }
      return sb.append(s, i, s.length()).toString();
    }
    while (n < 0 || done < n) {
      int at = s.indexOf(old, i);
      if (at < 0) {
        break;
      }
      sb.append(s, i, at).append(with);
      i = at + old.length();
      done++;
    }
    return sb.append(s, i, s.length()).toString();
  }

  /** strings.Trim / TrimLeft / TrimRight with a cutset of runes. */
  static String trim(String s, String cutset, boolean left, boolean right) {
    int start = 0;
    int end = s.length();
    while (left && start < end && cutset.indexOf(s.codePointAt(start)) >= 0) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (right && end > start && cutset.indexOf(s.codePointBefore(end)) >= 0) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }

  /** strings.TrimSpace: Unicode white space. */
  static String trimSpace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.codePointAt(start))) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (end > start && isSpace(s.codePointBefore(end))) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }

  static boolean isSpace(int c) {
    return c == ' '
        || (c >= '\t' && c <= '\r')
        || c == 0x85
        || c == 0xA0
        || Character.isSpaceChar(c);
  }

  /**
   * strings.Title: upper-cases the first letter of each word (words split by non-letters/digits).
   */
  static String title(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    int prev = ' ';
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      sb.appendCodePoint(isSeparator(prev) ? Character.toTitleCase(cp) : cp);
      prev = cp;
      i += Character.charCount(cp);
    }
    return sb.toString();
  }

  private static boolean isSeparator(int r) {
    if (r <= 0x7F) {
      return !(Character.isLetterOrDigit(r) || r == '_');
    }
    if (Character.isLetterOrDigit(r)) {
      return false;
    }
    return isSpace(r);
  }

  /** regexp.Expand: {@code $1}, {@code ${1}}, {@code $name}, {@code ${name}}, {@code $$}. */
  static void expand(StringBuilder out, String template, Matcher m, Pattern p) {
    int i = 0;
    while (i < template.length()) {
      int dollar = template.indexOf('$', i);
      if (dollar < 0) {
        out.append(template, i, template.length());
        return;
      }
      out.append(template, i, dollar);
      if (dollar + 1 < template.length() && template.charAt(dollar + 1) == '$') {
        out.append('$');
        i = dollar + 2;
        continue;
      }
      boolean brace = dollar + 1 < template.length() && template.charAt(dollar + 1) == '{';
      int nameStart = dollar + (brace ? 2 : 1);
      int j = nameStart;
      while (j < template.length()
          && (Character.isLetterOrDigit(template.charAt(j)) || template.charAt(j) == '_')) {
        j++;
      }
      if (j == nameStart || (brace && (j >= template.length() || template.charAt(j) != '}'))) {
        out.append('$'); // malformed: the '$' is literal
        i = dollar + 1;
        continue;
      }
      String name = template.substring(nameStart, j);
      i = brace ? j + 1 : j;
      int group = groupNumber(name);
      if (group < 0) {
        Integer g = p.namedGroups().get(name);
        group = g == null ? -1 : g;
      }
      if (group >= 0 && group <= m.groupCount() && m.start(group) >= 0) {
        out.append(m.group(group));
      }
    }
  }

  private static int groupNumber(String name) {
    int num = 0;
    for (int k = 0; k < name.length(); k++) {
      char c = name.charAt(k);
      if (c < '0' || c > '9' || num >= 100_000_000) {
        return -1;
      }
      num = num * 10 + (c - '0');
    }
    return name.charAt(0) == '0' && name.length() > 1 ? -1 : num;
  }
}
