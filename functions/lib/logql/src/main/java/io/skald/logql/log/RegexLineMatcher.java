package io.skald.logql.log;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code |~ "re"}: unanchored RE2 search. Regexes that are only literals, a {@code (?i)} literal,
 * or an alternation of literals skip the regex engine, like Loki's simplifier.
 */
final class RegexLineMatcher implements LineMatcher {
  private static final String META = "\\.+*?()|[]{}^$";

  private final Pattern pattern;
  private final Matcher matcher;

  private RegexLineMatcher(Pattern pattern, boolean withMatcher) {
    this.pattern = pattern;
    this.matcher = withMatcher ? pattern.matcher("") : null;
  }

  /**
   * @throws IllegalArgumentException with RE2's message for an invalid regex
   */
  static LineMatcher of(String regex) {
    Pattern p;
    try {
      p = Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    LineMatcher simple = simplify(regex);
    return simple != null ? simple : new RegexLineMatcher(p, false);
  }

  /** The regex engine alone, without the literal shortcuts (for a valid, internal regex). */
  static LineMatcher engine(String regex) {
    return new RegexLineMatcher(Pattern.compile(regex), false);
  }

  /** A literal-only matcher for the regex, or null when it needs the engine. */
  static LineMatcher simplify(String regex) {
    boolean caseInsensitive = regex.startsWith("(?i)");
    String body = caseInsensitive ? regex.substring(4) : regex;
    List<String> branches = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '|') {
        branches.add(cur.toString());
        cur.setLength(0);
      } else if (c == '\\') {
        if (i + 1 >= body.length()) {
          return null;
        }
        char e = body.charAt(++i);
        if (Character.isLetterOrDigit(e) || e == '_' || e >= 0x80) {
          return null; // \d, \w, \pL, \x41 ...: a class or escape, not a literal
        }
        cur.append(e);
      } else if (META.indexOf(c) >= 0) {
        return null;
      } else {
        cur.append(c);
      }
    }
    branches.add(cur.toString());
    List<LineMatcher> ms = new ArrayList<>(branches.size());
    for (String b : branches) {
      if (b.isEmpty()) {
        return ALWAYS; // an empty alternative matches every line
      }
      LineMatcher m =
          caseInsensitive
              ? CaseInsensitiveLiteralMatcher.ofAscii(b)
              : LiteralMatcher.of(b.getBytes(StandardCharsets.UTF_8));
      if (m == null) {
        return null;
      }
      ms.add(m);
    }
    if (ms.size() == 1) {
      return ms.get(0);
    }
    LineMatcher[] arr = ms.toArray(new LineMatcher[0]);
    return line -> {
      for (LineMatcher m : arr) {
        if (m.matches(line)) {
          return true;
        }
      }
      return false;
    };
  }

  @Override
  public boolean matches(LineBuffer line) {
    Matcher m = matcher != null ? matcher : pattern.matcher("");
    // Whole-array lines go to RE2J as UTF-8 directly; slices use the buffer's char view.
    if (line.isWholeArray()) {
      m.reset(line.array());
    } else {
      m.reset(line.chars());
    }
    return m.find();
  }

  @Override
  public LineMatcher forStream() {
    return new RegexLineMatcher(pattern, true);
  }
}
