package io.skald.logql.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Shared checks for syntax tests. */
public final class LogqlAssertions {
  private LogqlAssertions() {}

  /** parse → print → parse gives an equal AST and a stable text; returns the canonical text. */
  public static String assertRoundTrip(String query) {
    Expr first = parse(query);
    String printed = first.toString();
    Expr second = parse(printed);
    assertThat(second).as("re-parsed AST of %s (printed as %s)", query, printed).isEqualTo(first);
    assertThat(second.toString()).as("second print of %s", query).isEqualTo(printed);
    return printed;
  }

  public static Expr parse(String query) {
    try {
      return LogQL.parse(query);
    } catch (ParseException e) {
      throw new AssertionError("failed to parse " + query + ": " + e.getMessage(), e);
    }
  }

  public static void assertParseError(String query, String message) {
    assertThatThrownBy(() -> LogQL.parse(query))
        .as(query)
        .isInstanceOf(ParseException.class)
        .hasMessage(message);
  }
}
