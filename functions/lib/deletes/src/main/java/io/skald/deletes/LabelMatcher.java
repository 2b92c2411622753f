package io.skald.deletes;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Map;
import java.util.Objects;

/**
 * One Prometheus-style label matcher ({@code name="v"}, {@code !=}, {@code =~}, {@code !~}). A
 * missing label matches as the empty string, and regexes are anchored at both ends with dot
 * matching newlines, as Prometheus matchers are.
 */
public final class LabelMatcher {

  /** Matcher operator, with its LogQL spelling. */
  public enum Type {
    EQ("="), NEQ("!="), RE("=~"), NRE("!~");

    private final String op;

    Type(String op) {
      this.op = op;
    }

    public String op() {
      return op;
    }
  }

  private final String name;
  private final Type type;
  private final String value;
  private final Pattern pattern;

  /** @throws IllegalArgumentException if a regex value does not compile (RE2 syntax) */
  public LabelMatcher(String name, Type type, String value) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
    this.value = Objects.requireNonNull(value, "value");
    Pattern p = null;
    if (type == Type.RE || type == Type.NRE) {
      try {
        p = Pattern.compile("^(?s:" + value + ")$");
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("invalid regex " + value + ": " + e.getDescription(), e);
      }
    }
    this.pattern = p;
  }

  public String name() {
    return name;
  }

  public Type type() {
    return type;
  }

  public String value() {
    return value;
  }

  public boolean matches(String labelValue) {
    String v = labelValue == null ? "" : labelValue;
    return switch (type) {
      case EQ -> v.equals(value);
      case NEQ -> !v.equals(value);
      case RE -> pattern.matches(v);
      case NRE -> !pattern.matches(v);
    };
  }

  /** Whether this matcher accepts the stream with these labels. */
  public boolean matches(Map<String, String> labels) {
    return matches(labels.get(name));
  }

  /** True when every matcher accepts the labels (an empty list matches everything). */
  public static boolean allMatch(Iterable<LabelMatcher> matchers, Map<String, String> labels) {
    for (LabelMatcher m : matchers) {
      if (!m.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LabelMatcher m && m.name.equals(name) && m.type == type
        && m.value.equals(value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, value);
  }

  @Override
  public String toString() {
    return name + type.op + SelectorParser.quote(value);
  }
}
