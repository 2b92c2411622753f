package io.skald.logql.syntax;

/**
 * A query that cannot be parsed or fails validation. The message follows Loki's {@code ParseError}:
 * {@code parse error at line L, col C: <msg>}, or {@code parse error : <msg>} for errors that have
 * no position (semantic checks), because clients and Grafana show these texts verbatim and the HTTP
 * layer returns them as-is.
 */
public class ParseException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Loki's {@code ErrParseMatchers}. */
  static final String ONLY_LABEL_MATCHERS = "only label matchers are supported";

  private final String reason;
  private final int line;
  private final int column;

  /** Code point index of the token a syntax error is at, or -1 (orders it against a bad byte). */
  private final transient int offset;

  public ParseException(String reason, int line, int column) {
    this(format(reason, line, column), reason, line, column, -1);
  }

  /** A validation error without a position. */
  public ParseException(String reason) {
    this(reason, 0, 0);
  }

  private ParseException(String message, String reason, int line, int column, int offset) {
    super(message);
    this.reason = reason;
    this.line = line;
    this.column = column;
    this.offset = offset;
  }

  /** A syntax error at the token that starts at code point {@code offset}. */
  static ParseException atToken(String reason, int line, int column, int offset) {
    return new ParseException(format(reason, line, column), reason, line, column, offset);
  }

  /**
   * Loki's {@code ErrParseMatchers} for a selector-only parameter given more than a selector. Loki
   * keeps it apart from its {@code ParseError}s, so the text has no {@code parse error} prefix; it
   * is still a client error (HTTP 400).
   */
  static ParseException onlyLabelMatchers() {
    return new ParseException(ONLY_LABEL_MATCHERS, ONLY_LABEL_MATCHERS, 0, 0, -1);
  }

  private static String format(String reason, int line, int column) {
    if (line == 0 && column == 0) {
      return "parse error : " + reason;
    }
    return "parse error at line " + line + ", col " + column + ": " + reason;
  }

  /** The message without the {@code parse error ...:} prefix. */
  public String reason() {
    return reason;
  }

  /** 1-based line, or 0 when the error has no position. */
  public int line() {
    return line;
  }

  /** 1-based column, or 0 when the error has no position. */
  public int column() {
    return column;
  }

  int offset() {
    return offset;
  }
}
