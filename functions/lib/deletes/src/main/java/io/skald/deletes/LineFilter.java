package io.skald.deletes;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * One LogQL line filter: {@code |= "x"}, {@code != "x"}, {@code |~ "re"}, {@code !~ "re"}, each
 * optionally with {@code or} alternatives. Substring tests are case-sensitive; regexes are RE2
 * (as in Loki) and match anywhere in the line.
 */
public final class LineFilter {

  /** Operator, with its LogQL spelling. */
  public enum Op {
    CONTAINS("|="), NOT_CONTAINS("!="), MATCHES("|~"), NOT_MATCHES("!~");

    private final String token;

    Op(String token) {
      this.token = token;
    }

    public String token() {
      return token;
    }
  }

  private final Op op;
  private final List<String> values;
  private final List<Pattern> patterns;

  /** @throws IllegalArgumentException if a regex does not compile */
  public LineFilter(Op op, List<String> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("a line filter needs a value");
    }
    this.op = op;
    this.values = List.copyOf(values);
    List<Pattern> ps = new ArrayList<>();
    if (op == Op.MATCHES || op == Op.NOT_MATCHES) {
      for (String v : values) {
        try {
          ps.add(Pattern.compile(v));
        } catch (PatternSyntaxException e) {
          throw new IllegalArgumentException("invalid regex " + v, e);
        }
      }
    }
    this.patterns = List.copyOf(ps);
  }

  public Op op() {
    return op;
  }

  public List<String> values() {
    return values;
  }

  /** Whether the line passes this filter (for a delete request: is selected for deletion). */
  public boolean test(String line) {
    return switch (op) {
      case CONTAINS -> containsAny(line);
      case NOT_CONTAINS -> !containsAny(line);
      case MATCHES -> findsAny(line);
      case NOT_MATCHES -> !findsAny(line);
    };
  }

  private boolean containsAny(String line) {
    for (String v : values) {
      if (line.contains(v)) {
        return true;
      }
    }
    return false;
  }

  private boolean findsAny(String line) {
    for (Pattern p : patterns) {
      if (p.matcher(line).find()) {
        return true;
      }
    }
    return false;
  }
}
