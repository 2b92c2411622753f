package io.skald.labels;

import io.skald.gocompat.GoQuote;
import io.skald.gocompat.GoUnquote;

/**
 * Tokenizer for Prometheus series text ({@code name{a="b", "c.d"='e'}}), following the PromQL lexer
 * rules that matter for label sets: identifiers, the three quote styles, Go escapes, {@code #}
 * comments and its error texts. Like Prometheus, it only checks escapes; a string's value is the
 * literal unquoted by {@link GoUnquote#unquotePromQl}. Positions are char indices into the input.
 */
final class SeriesLexer {
  enum Type {
    IDENT,
    METRIC_IDENT,
    STRING,
    LBRACE,
    RBRACE,
    COMMA,
    EQL,
    OTHER,
    EOF,
    ERROR
  }

  /**
   * A token; {@code value} is the unquoted string for STRING, the message for ERROR, the
   * description for OTHER.
   */
  record Token(Type type, int start, String text, String value) {}

  private static final int EOF = -1;

  private final String in;
  private final boolean acceptReplacementRune;
  private int pos;
  private boolean inBraces;

  /**
   * @param acceptReplacementRune take U+FFFD in strings, which Prometheus refuses as a rune error
   *     but prints unescaped, so that printed label sets read back
   */
  SeriesLexer(String in, boolean acceptReplacementRune) {
    this.in = in;
    this.acceptReplacementRune = acceptReplacementRune;
  }

  Token next() {
    skipSpacesAndComments();
    int start = pos;
    int r = read();
    if (r == EOF) {
      return inBraces
          ? error(start, "unexpected end of input inside braces")
          : new Token(Type.EOF, start, "", "");
    }
    if (r == '"' || r == '\'' || r == '`') {
      return string(start, r);
    }
    return inBraces ? insideBraces(start, r) : outsideBraces(start, r);
  }

  private Token insideBraces(int start, int r) {
    if (isAlpha(r)) {
      while (isAlphaNumeric(peek())) {
        pos++;
      }
      return token(Type.IDENT, start);
    }
    switch (r) {
      case ',':
        return token(Type.COMMA, start);
      case '=':
        if (peek() == '~') {
          pos++;
          return other(start, "<op:=~>");
        }
        return token(Type.EQL, start);
      case '!':
        {
          int nr = read();
          if (nr == '~') {
            return other(start, "<op:!~>");
          }
          if (nr == '=') {
            return other(start, "<op:!=>");
          }
          return error(start, "unexpected character after '!' inside braces: " + quoteRune(nr));
        }
      case '{':
        return error(start, "unexpected left brace '{'");
      case '}':
        inBraces = false;
        return token(Type.RBRACE, start);
      default:
        return error(start, "unexpected character inside braces: " + quoteRune(r));
    }
  }

  private Token outsideBraces(int start, int r) {
    if (isAlpha(r) || r == ':') {
      while (isAlphaNumeric(peek()) || peek() == ':') {
        pos++;
      }
      String word = in.substring(start, pos);
      if (word.equalsIgnoreCase("inf") || word.equalsIgnoreCase("nan")) {
        return other(start, "number " + GoQuote.quote(word));
      }
      return token(word.indexOf(':') >= 0 ? Type.METRIC_IDENT : Type.IDENT, start);
    }
    if (isDigit(r) || (r == '.' && isDigit(peek()))) {
      while (isAlphaNumeric(peek()) || peek() == '.') {
        pos++;
      }
      return other(start, "number " + GoQuote.quote(in.substring(start, pos)));
    }
    switch (r) {
      case '{':
        inBraces = true;
        return token(Type.LBRACE, start);
      case ',':
        return other(start, "\",\"");
      case '(':
        return other(start, "\"(\"");
      case '=':
        if (peek() == '=') {
          pos++;
          return other(start, "<op:==>");
        }
        return other(start, "\"=\"");
      default:
        return error(start, "unexpected character: " + quoteRune(r));
    }
  }

  private Token string(int start, int quote) {
    while (true) {
      int r = read();
      if (r == EOF || (r == '\n' && quote != '`')) {
        return error(
            start, quote == '`' ? "unterminated raw string" : "unterminated quoted string");
      }
      if (r == 0xFFFD && !acceptReplacementRune || Character.isSurrogate((char) r) && r <= 0xFFFF) {
        // Go decodes invalid UTF-8 and U+FFFD alike as utf8.RuneError and refuses both
        return error(start, "invalid UTF-8 rune");
      }
      if (r == quote) {
        String literal = in.substring(start, pos);
        return new Token(Type.STRING, start, literal, GoUnquote.unquotePromQl(literal));
      }
      if (r == '\\' && quote != '`') {
        String err = escape(quote);
        if (err != null) {
          return error(start, err);
        }
      }
    }
  }

  /** Checks one escape sequence (after the backslash); returns an error text or null. */
  private String escape(int quote) {
    int ch = read();
    int n;
    int base;
    int max;
    switch (ch) {
      case 'a', 'b', 'f', 'n', 'r', 't', 'v', '\\' -> {
        return null;
      }
      case '0', '1', '2', '3', '4', '5', '6', '7' -> {
        n = 3;
        base = 8;
        max = 255;
      }
      case 'x' -> {
        ch = read();
        n = 2;
        base = 16;
        max = 255;
      }
      case 'u' -> {
        ch = read();
        n = 4;
        base = 16;
        max = Character.MAX_CODE_POINT;
      }
      case 'U' -> {
        ch = read();
        n = 8;
        base = 16;
        max = Character.MAX_CODE_POINT;
      }
      case EOF -> {
        return "escape sequence not terminated";
      }
      default -> {
        return ch == quote ? null : "unknown escape sequence " + GoQuote.hashU(ch);
      }
    }
    long x = 0;
    while (n > 0) {
      int d = digitVal(ch);
      if (d >= base) {
        return ch == EOF
            ? "escape sequence not terminated"
            : "illegal character " + GoQuote.hashU(ch) + " in escape sequence";
      }
      x = x * base + d;
      n--;
      if (n > 0) {
        ch = read();
      }
    }
    if (x > max || (x >= 0xD800 && x < 0xE000)) {
      return "escape sequence is an invalid Unicode code point";
    }
    return null;
  }

  private void skipSpacesAndComments() {
    while (pos < in.length()) {
      char c = in.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        pos++;
      } else if (c == '#') {
        while (pos < in.length() && in.charAt(pos) != '\n' && in.charAt(pos) != '\r') {
          pos++;
        }
      } else {
        return;
      }
    }
  }

  private int read() {
    if (pos >= in.length()) {
      return EOF;
    }
    int cp = in.codePointAt(pos);
    pos += Character.charCount(cp);
    return cp;
  }

  private int peek() {
    return pos < in.length() ? in.codePointAt(pos) : EOF;
  }

  private Token token(Type type, int start) {
    return new Token(type, start, in.substring(start, pos), null);
  }

  private Token other(int start, String description) {
    return new Token(Type.OTHER, start, in.substring(start, pos), description);
  }

  private static Token error(int start, String message) {
    return new Token(Type.ERROR, start, "", message);
  }

  private static String quoteRune(int r) {
    return GoQuote.quoteRune(r < 0 ? 0xFFFD : r);
  }

  private static int digitVal(int ch) {
    if (ch >= '0' && ch <= '9') {
      return ch - '0';
    }
    if (ch >= 'a' && ch <= 'f') {
      return ch - 'a' + 10;
    }
    if (ch >= 'A' && ch <= 'F') {
      return ch - 'A' + 10;
    }
    return 16;
  }

  private static boolean isAlpha(int r) {
    return r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z');
  }

  private static boolean isDigit(int r) {
    return r >= '0' && r <= '9';
  }

  private static boolean isAlphaNumeric(int r) {
    return isAlpha(r) || isDigit(r);
  }
}
