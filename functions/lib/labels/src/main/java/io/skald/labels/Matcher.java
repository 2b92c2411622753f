package io.skald.labels;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.skald.gocompat.GoQuote;
import java.util.Objects;

/**
 * A label matcher {@code name op "value"}. Regex matchers are fully anchored and use RE2 semantics
 * with {@code .} matching newlines, like Prometheus' {@code FastRegexMatcher}.
 *
 * <p>A final class rather than a record so that the compiled regex can be cached without becoming
 * part of equality; accessors keep record-style names.
 */
public final class Matcher {
  private final String name;
  private final MatchType type;
  private final String value;
  private final Pattern regex;

  /**
   * @throws IllegalArgumentException with RE2's message when a regex does not compile
   */
  public Matcher(String name, MatchType type, String value) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
    this.value = Objects.requireNonNull(value, "value");
    this.regex = (type == MatchType.RE || type == MatchType.NRE) ? compile(value) : null;
  }

  private static Pattern compile(String value) {
    try {
      // The bare value is parsed first so that errors quote what the user wrote and
      // a value such as "a)(b" cannot sneak through the anchoring group.
      Pattern.compile(value);
      return Pattern.compile("^(?:" + value + ")$", Pattern.DOTALL);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  public String name() {
    return name;
  }

  public MatchType type() {
    return type;
  }

  public String value() {
    return value;
  }

  /** Whether a label value matches; an absent label is matched as the empty string. */
  public boolean matches(String v) {
    return switch (type) {
      case EQ -> value.equals(v);
      case NEQ -> !value.equals(v);
      case RE -> regex.matcher(v).matches();
      case NRE -> !regex.matcher(v).matches();
    };
  }

  /** Whether the label set matches; a label it lacks is matched as the empty string. */
  public boolean matches(LabelSet labels) {
    String v = labels.get(name);
    return matches(v == null ? "" : v);
  }

  /** True when the matcher also selects streams that lack the label. */
  public boolean matchesEmpty() {
    return matches("");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Matcher m && m.name.equals(name) && m.type == type && m.value.equals(value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, value);
  }

  /** Canonical form {@code name="value"}, as Prometheus prints matchers. */
  @Override
  public String toString() {
    return name + type.symbol() + GoQuote.quote(value);
  }
}
