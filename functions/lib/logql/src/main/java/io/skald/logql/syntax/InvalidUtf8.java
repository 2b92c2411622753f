package io.skald.logql.syntax;

import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * Loki's {@code invalid UTF-8 encoding} error for the first byte of a query that is not UTF-8 (a
 * lone surrogate, see {@link QueryText}), at the position Loki reports. Go's scanner reads one
 * character ahead and reports the error when it reads the byte, with the position of the token it
 * is scanning then: inside a token, that token; right after one, the token before it (it was the
 * look-ahead); after white space or a comment, line 0 and the column of the last token (the scanner
 * has reset the line but not yet the column). The first byte of a query has no position.
 */
final class InvalidUtf8 {

  static final String REASON = "invalid UTF-8 encoding";

  private final ParseException error;
  private final int readWhileScanning;

  private InvalidUtf8(ParseException error, int readWhileScanning) {
    this.error = error;
    this.readWhileScanning = readWhileScanning;
  }

  /** The error for the bad char at code point {@code bad} of {@code query}. */
  static InvalidUtf8 at(String query, int bad) {
    List<? extends Token> tokens = LogQL.lexer(query).getAllTokens();
    Token previous = null;
    for (Token t : tokens) {
      if (t.getStartIndex() < bad && bad <= t.getStopIndex()) {
        return new InvalidUtf8(error(t, SyntaxErrors.lokiLine(t, t.getLine())), t.getStartIndex());
      }
      if (t.getStartIndex() >= bad) {
        break;
      }
      previous = t;
    }
    if (bad == 0) {
      return new InvalidUtf8(new ParseException(REASON), 0);
    }
    if (previous != null && previous.getStopIndex() == bad - 1) {
      return new InvalidUtf8(
          error(previous, SyntaxErrors.lokiLine(previous, previous.getLine())),
          previous.getStartIndex());
    }
    // After white space or in a comment: the comment's '#' is the last token Loki scanned.
    int from = previous == null ? 0 : previous.getStopIndex() + 1;
    int[] codePoints = query.codePoints().toArray();
    int hash = indexOf(codePoints, '#', from, bad);
    if (hash >= 0) {
      int column = column(codePoints, hash);
      int line = hash == bad - 1 ? line(codePoints, hash) : 0;
      return new InvalidUtf8(new ParseException(REASON, line, column), bad);
    }
    int column = previous == null ? 0 : previous.getCharPositionInLine() + 1;
    return new InvalidUtf8(new ParseException(REASON, 0, column), bad);
  }

  private static ParseException error(Token t, int line) {
    return new ParseException(REASON, line, t.getCharPositionInLine() + 1);
  }

  /** The error Loki reports first: a syntax error at a token before the one reading the byte. */
  ParseException firstOf(ParseException other) {
    return other.offset() >= 0 && other.offset() < readWhileScanning ? other : error;
  }

  ParseException error() {
    return error;
  }

  /** Index of {@code c} in code points {@code from} (inclusive) to {@code to}, or -1. */
  private static int indexOf(int[] codePoints, int c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (codePoints[i] == c) {
        return i;
      }
    }
    return -1;
  }

  private static int line(int[] codePoints, int at) {
    int line = 1;
    for (int i = 0; i < at; i++) {
      if (codePoints[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  private static int column(int[] codePoints, int at) {
    int column = 1;
    for (int i = 0; i < at; i++) {
      column = codePoints[i] == '\n' ? 1 : column + 1;
    }
    return column;
  }
}
