package io.skald.logql.syntax;

import io.skald.gocompat.PromDuration;
import io.skald.labels.Matcher;
import io.skald.logql.syntax.grammar.LogQLLexer;
import io.skald.logql.syntax.grammar.LogQLParser;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;

/** Entry points for parsing LogQL. Thread-safe; every call builds its own lexer and parser. */
public final class LogQL {
  /** Loki's limit on query text (its parser buffer size). */
  static final int MAX_INPUT_SIZE = 131072;

  private LogQL() {}

  /**
   * Parses and validates a log or metric query.
   *
   * @throws ParseException with Loki's message text
   */
  public static Expr parse(String query) throws ParseException {
    Expr expr = parseWithoutValidation(query);
    validate(expr);
    return expr;
  }

  /** Parses a query that must be a log query ({@code {...} | ...}). */
  public static LogSelectorExpr parseLogSelector(String query) throws ParseException {
    return parseLogSelector(query, true);
  }

  /**
   * Parses a log query, like Loki's {@code syntax.ParseLogSelector}; {@code validate} applies the
   * "at least one non-empty matcher" rule (delete requests are parsed without it).
   */
  public static LogSelectorExpr parseLogSelector(String query, boolean validate)
      throws ParseException {
    Expr expr = parseWithoutValidation(query);
    if (!(expr instanceof LogSelectorExpr log)) {
      throw new ParseException("only log selector is supported");
    }
    if (validate) {
      validate(log);
    }
    return log;
  }

  /**
   * Parses a selector-only parameter (series {@code match[]}, the {@code query} of labels, index
   * stats, volume, detected labels and patterns, retention selectors) like Loki's {@code
   * syntax.ParseMatchers}: any valid query parses, but only a bare stream selector is accepted; a
   * pipeline or a metric query fails with Loki's {@code ErrParseMatchers} ({@code only label
   * matchers are supported}, without the {@code parse error} prefix).
   *
   * @param validate also require a matcher that does not match the empty string (Loki skips this
   *     only for series)
   */
  public static List<Matcher> parseMatchers(String input, boolean validate) throws ParseException {
    Expr expr = validate ? parse(input) : parseWithoutValidation(input);
    if (expr instanceof LogSelectorExpr log && log.pipeline().isEmpty()) {
      return log.matchers();
    }
    throw ParseException.onlyLabelMatchers();
  }

  /**
   * Parses without the "at least one non-empty matcher" rule (for internal rewrites). A lone
   * surrogate in the text stands for a byte that is not UTF-8 ({@link QueryText}) and fails as in
   * Loki's lexer.
   */
  public static Expr parseWithoutValidation(String query) throws ParseException {
    if (query.length() >= MAX_INPUT_SIZE) {
      throw new ParseException(
          "input size too long (" + query.length() + " > " + MAX_INPUT_SIZE + ")");
    }
    if (query.isEmpty()) {
      // Go's scanner has no position before the first character.
      throw new ParseException("syntax error: unexpected $end");
    }
    int bad = QueryText.firstInvalid(query);
    if (bad < 0) {
      return build(query);
    }
    InvalidUtf8 invalid = InvalidUtf8.at(query, query.codePointCount(0, bad));
    try {
      build(query);
    } catch (ParseException e) {
      throw invalid.firstOf(e);
    }
    throw invalid.error();
  }

  private static Expr build(String query) throws ParseException {
    SyntaxErrors errors = new SyntaxErrors();
    LogQLLexer lexer = lexer(query);
    lexer.addErrorListener(errors);
    LogQLParser parser = new LogQLParser(new CommonTokenStream(lexer));
    parser.removeErrorListeners();
    parser.setErrorHandler(new SyntaxErrors.ErrorStrategy());
    parser.addErrorListener(errors);
    try {
      return new AstBuilder().root(parser.root());
    } catch (SyntaxErrors.Abort abort) {
      throw abort.parseException();
    }
  }

  /** The lexer, with Loki's range check; it never reports errors (ERROR_CHAR takes any char). */
  static LogQLLexer lexer(String query) {
    LogQLLexer lexer =
        new LogQLLexer(CharStreams.fromString(query)) {
          // Loki's lexer parses the range while scanning it: a bad duration is an error at
          // the '[' even when the query is otherwise fine, and before any later syntax error.
          @Override
          public Token emit() {
            if (_type == RANGE && !isDuration(getText())) {
              _type = LogQLParser.INVALID_RANGE;
            }
            return super.emit();
          }
        };
    lexer.removeErrorListeners();
    return lexer;
  }

  private static boolean isDuration(String range) {
    try {
      PromDuration.parse(range.substring(1, range.length() - 1));
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Every selector in the query must select specific streams. */
  public static void validate(Expr expr) throws ParseException {
    if (expr instanceof LogSelectorExpr log) {
      log.selector().validate();
    } else if (expr instanceof RangeAggregationExpr r) {
      r.range().left().selector().validate();
    } else if (expr instanceof VectorAggregationExpr v) {
      validate(v.inner());
    } else if (expr instanceof BinOpExpr b) {
      validate(b.lhs());
      validate(b.rhs());
    } else if (expr instanceof LabelReplaceExpr l) {
      validate(l.inner());
    }
  }
}
