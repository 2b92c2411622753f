package io.skald.logql.log;

import java.util.ArrayList;
import java.util.List;

/**
 * The path language of {@code | json label="expr"}: {@code a.b}, {@code a[0]}, {@code a["key with
 * spaces"]}, {@code ["a"].b}. Steps are field names (String) or array indexes (Integer). Errors use
 * the texts of Loki's yacc parser ({@code syntax error: unexpected DOT, expecting FIELD}).
 */
final class JsonPath {
  private enum Tok {
    DOT,
    LSB,
    RSB,
    STRING,
    FIELD,
    INDEX,
    END
  }

  private final String in;
  private int pos;
  private Tok tok;
  private String text;
  private int index;
  private String lexError;

  private JsonPath(String in) {
    this.in = in;
  }

  /**
   * @throws IllegalArgumentException with Loki's message
   */
  static List<Object> parse(String expr) {
    JsonPath p = new JsonPath(expr);
    try {
      return p.path();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "cannot parse expression [" + expr + "]: " + e.getMessage());
    }
  }

  private List<Object> path() {
    List<Object> steps = new ArrayList<>();
    next();
    if (tok == Tok.END) {
      return failIfLexError(steps);
    }
    if (tok == Tok.FIELD) {
      steps.add(text);
      next();
    } else if (tok == Tok.LSB) {
      steps.add(bracket());
    } else {
      throw unexpected("LSB or FIELD");
    }
    while (tok != Tok.END) {
      if (tok == Tok.LSB) {
        steps.add(bracket());
      } else if (tok == Tok.DOT) {
        next();
        if (tok != Tok.FIELD) {
          throw unexpected("FIELD");
        }
        steps.add(text);
        next();
      } else {
        throw unexpected(null);
      }
    }
    return failIfLexError(steps);
  }

  private List<Object> failIfLexError(List<Object> steps) {
    if (lexError != null) {
      throw new IllegalArgumentException(lexError);
    }
    return steps;
  }

  private Object bracket() {
    next();
    Object step;
    if (tok == Tok.STRING) {
      step = text;
    } else if (tok == Tok.INDEX) {
      step = index;
    } else {
      throw unexpected("STRING or INDEX");
    }
    next();
    if (tok != Tok.RSB) {
      throw unexpected("RSB");
    }
    next();
    return step;
  }

  private IllegalArgumentException unexpected(String expecting) {
    String name = tok == Tok.END ? "$end" : tok.name();
    return new IllegalArgumentException(
        "syntax error: unexpected " + name + (expecting == null ? "" : ", expecting " + expecting));
  }

  private void next() {
    while (pos < in.length()
        && (in.charAt(pos) == ' ' || in.charAt(pos) == '\t' || in.charAt(pos) == '\n')) {
      pos++;
    }
    if (pos >= in.length() || lexError != null) {
      tok = Tok.END;
      return;
    }
    char c = in.charAt(pos);
    if (c >= '0' && c <= '9') {
      scanIndex();
    } else if (c == '[') {
      pos++;
      tok = Tok.LSB;
    } else if (c == ']') {
      pos++;
      tok = Tok.RSB;
    } else if (c == '.') {
      pos++;
      tok = Tok.DOT;
    } else if (c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      int start = pos;
      while (pos < in.length() && LabelNames.isNameByte(in.charAt(pos))) {
        pos++;
      }
      text = in.substring(start, pos);
      tok = Tok.FIELD;
    } else if (c == '"') {
      // The string ends at a quote or a ']' (Loki's scanner), which keeps `["a]` parseable.
      int start = ++pos;
      while (pos < in.length() && in.charAt(pos) != '"' && in.charAt(pos) != ']') {
        pos++;
      }
      text = in.substring(start, pos);
      pos = Math.min(pos + 1, in.length());
      tok = Tok.STRING;
    } else {
      lexError = "unexpected char " + c;
      tok = Tok.END;
    }
  }

  private void scanIndex() {
    int start = pos;
    while (pos < in.length()) {
      char c = in.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\n' || c == ']' || c == '.') {
        if (c == '.' && pos > start) {
          lexError = "cannot use float as array index";
          tok = Tok.END;
          return;
        }
        break;
      }
      if (c < '0' || c > '9') {
        lexError = "non-integer value: " + c;
        tok = Tok.END;
        return;
      }
      pos++;
    }
    try {
      index = Integer.parseInt(in.substring(start, pos));
    } catch (NumberFormatException e) {
      lexError = "strconv.Atoi: parsing \"" + in.substring(start, pos) + "\": value out of range";
      tok = Tok.END;
      return;
    }
    tok = Tok.INDEX;
  }
}
