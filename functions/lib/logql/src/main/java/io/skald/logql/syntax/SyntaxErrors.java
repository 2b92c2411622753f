package io.skald.logql.syntax;

import io.skald.gocompat.PromDuration;
import io.skald.logql.syntax.grammar.LogQLLexer;
import io.skald.logql.syntax.grammar.LogQLParser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Turns the first ANTLR error into a Loki-style message ({@code syntax error: unexpected X,
 * expecting Y or Z}) and aborts parsing. Token names follow goyacc's: keywords and punctuation by
 * their text, value tokens by class (IDENTIFIER, STRING, NUMBER, DURATION, RANGE), end of input as
 * {@code $end}.
 */
final class SyntaxErrors extends BaseErrorListener {
  /** goyacc gives up listing alternatives when there are more than four. */
  private static final int MAX_EXPECTED = 4;

  /** Carries a {@link ParseException} out of ANTLR's callbacks. */
  static final class Abort extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Abort(ParseException cause) {
      super(cause.getMessage(), cause, false, false);
    }

    ParseException parseException() {
      return (ParseException) getCause();
    }
  }

  /**
   * ANTLR's strategy remembers the state of the last decision that could be skipped (for a better
   * "expecting" list) but forgets it only at the next such decision, so an error after a few plain
   * matches listed the tokens of an earlier position: {@code label_replace(x,"")} said nothing of
   * the missing {@code ,}. Forgetting it on every match keeps it for the token it was recorded for.
   */
  static final class ErrorStrategy extends DefaultErrorStrategy {
    @Override
    public void reportMatch(Parser recognizer) {
      super.reportMatch(recognizer);
      nextTokensContext = null;
      nextTokensState = ATNState.INVALID_STATE_NUMBER;
    }
  }

  @Override
  public void syntaxError(
      Recognizer<?, ?> recognizer,
      Object offendingSymbol,
      int line,
      int charPositionInLine,
      String msg,
      RecognitionException e) {
    int col = charPositionInLine + 1;
    if (!(offendingSymbol instanceof Token token)) {
      // Lexer errors cannot happen (ERROR_CHAR catches everything) but stay safe.
      throw new Abort(new ParseException(msg, line, col));
    }
    String reason =
        switch (token.getType()) {
          case LogQLLexer.UNTERMINATED_STRING -> "literal not terminated";
          case LogQLLexer.UNTERMINATED_RANGE -> "missing closing ']' in duration";
          case LogQLParser.INVALID_RANGE -> invalidRange(token.getText());
          default ->
              LogQLParser.METRIC_OPERAND_EXPECTED.equals(msg)
                  // goyacc lists no alternatives there: a log query may go on with a stage or an
                  // operator.
                  ? "syntax error: unexpected " + displayName(token)
                  : unexpected(token, expected((Parser) recognizer, e));
        };
    throw new Abort(
        ParseException.atToken(reason, lokiLine(token, line), col, token.getStartIndex()));
  }

  /**
   * Loki's lexer reads some tokens with {@code Scanner.Next}, which invalidates the token's line
   * (0) but keeps its column; errors at those tokens (and the lexer's own errors in a range)
   * therefore report {@code line 0, col C}.
   */
  static int lokiLine(Token token, int line) {
    return switch (token.getType()) {
      case LogQLLexer.RANGE,
          LogQLParser.INVALID_RANGE,
          LogQLLexer.UNTERMINATED_RANGE,
          LogQLLexer.FLAG,
          LogQLLexer.PIPE_EXACT,
          LogQLLexer.PIPE_MATCH,
          LogQLLexer.PIPE_PATTERN,
          LogQLLexer.NPA,
          LogQLLexer.NRE,
          LogQLLexer.NEQ,
          LogQLLexer.RE,
          LogQLLexer.CMP_EQ,
          LogQLLexer.GTE,
          LogQLLexer.LTE ->
          0;
      // A duration or byte size is a number followed by Next-scanned unit characters; text
      // that is neither is a NUMBER and an IDENTIFIER to Loki.
      case LogQLLexer.NUMBER_UNIT -> isDurationOrBytes(token.getText()) ? 0 : line;
      default -> line;
    };
  }

  private static boolean isDurationOrBytes(String text) {
    try {
      Durations.parse(text);
      return true;
    } catch (IllegalArgumentException notDuration) {
      try {
        ByteSizes.parse(text);
        return true;
      } catch (IllegalArgumentException notBytes) {
        return false;
      }
    }
  }

  private static String invalidRange(String range) {
    try {
      PromDuration.parse(range.substring(1, range.length() - 1));
      return "syntax error: unexpected RANGE"; // not reached: the lexer only marks invalid ranges
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  private static IntervalSet expected(Parser parser, RecognitionException e) {
    // A prediction that failed after some tokens knows only what could start the decision,
    // not what fits at the failing token; goyacc, already past those tokens, lists nothing
    // there (`addr>=ip("1.2.3.4")`: "unexpected ip").
    if (e instanceof NoViableAltException nv
        && nv.getStartToken() != null
        && nv.getOffendingToken() != null
        && nv.getStartToken().getTokenIndex() != nv.getOffendingToken().getTokenIndex()) {
      return new IntervalSet();
    }
    try {
      return e != null && e.getExpectedTokens() != null
          ? e.getExpectedTokens()
          : parser.getExpectedTokens();
    } catch (RuntimeException ignored) {
      return new IntervalSet();
    }
  }

  private static String unexpected(Token token, IntervalSet expected) {
    StringBuilder sb = new StringBuilder("syntax error: unexpected ").append(displayName(token));
    Set<String> names = new LinkedHashSet<>();
    boolean identifier = expected.contains(LogQLLexer.IDENTIFIER);
    List<Integer> types = new ArrayList<>(expected.toList());
    types.sort(Comparator.comparingInt(SyntaxErrors::lokiOrder));
    for (int type : types) {
      // Function names are only keywords before '(' in Loki; where an identifier fits
      // they are all just IDENTIFIER.
      if (identifier && isFunctionToken(type)) {
        continue;
      }
      names.add(displayName(type, null));
    }
    // At the end of a complete query ANTLR only knows EOF; goyacc would list every
    // continuation and so prints none.
    if (!names.isEmpty() && names.size() <= MAX_EXPECTED && !names.equals(Set.of("$end"))) {
      sb.append(", expecting ").append(String.join(" or ", new ArrayList<>(names)));
    }
    return sb.toString();
  }

  /** goyacc lists expected tokens in declaration order; Loki declares these first. */
  private static final int[] LOKI_ORDER = {
    LogQLLexer.NUMBER_UNIT,
    LogQLLexer.IDENTIFIER,
    LogQLLexer.STRING,
    LogQLLexer.NUMBER,
    LogQLLexer.FLAG,
    LogQLLexer.RANGE,
    LogQLLexer.EQ,
    LogQLLexer.RE,
    LogQLLexer.NRE,
    LogQLLexer.NPA,
    LogQLLexer.LBRACE,
    LogQLLexer.RBRACE,
    LogQLLexer.COMMA,
    LogQLLexer.PIPE_MATCH,
    LogQLLexer.PIPE_EXACT,
    LogQLLexer.PIPE_PATTERN,
    LogQLLexer.LPAREN,
    LogQLLexer.RPAREN,
    LogQLLexer.BY,
    LogQLLexer.WITHOUT,
  };

  private static int lokiOrder(int type) {
    for (int i = 0; i < LOKI_ORDER.length; i++) {
      if (LOKI_ORDER[i] == type) {
        return i;
      }
    }
    return LOKI_ORDER.length + type;
  }

  static boolean isFunctionToken(int type) {
    return type >= LogQLLexer.RATE && type <= LogQLLexer.IP;
  }

  private static String displayName(Token token) {
    return displayName(token.getType(), token.getText());
  }

  private static String displayName(int type, String text) {
    return switch (type) {
      case Token.EOF -> "$end";
      case LogQLLexer.IDENTIFIER -> "IDENTIFIER";
      case LogQLLexer.STRING -> "STRING";
      case LogQLLexer.NUMBER -> "NUMBER";
      case LogQLLexer.NUMBER_UNIT -> "DURATION";
      case LogQLLexer.RANGE -> "RANGE";
      case LogQLLexer.FLAG -> "FUNCTION_FLAG";
      case LogQLLexer.BYTES_FN -> "BYTES_CONV";
      case LogQLLexer.DURATION_FN -> "DURATION_CONV";
      case LogQLLexer.DURATION_SECONDS_FN -> "DURATION_SECONDS_CONV";
      case LogQLLexer.IP -> "ip";
      case LogQLLexer.LABEL_REPLACE -> "label_replace";
      case LogQLLexer.ERROR_CHAR -> text == null ? "$unk" : text;
      default -> {
        if (isFunctionToken(type)) {
          yield LogQLLexer.VOCABULARY.getSymbolicName(type);
        }
        String literal = LogQLLexer.VOCABULARY.getLiteralName(type);
        yield literal == null
            ? LogQLLexer.VOCABULARY.getSymbolicName(type)
            : literal.substring(1, literal.length() - 1);
      }
    };
  }
}
