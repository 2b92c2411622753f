package io.skald.logql.log.template;

import io.skald.gocompat.GoQuote;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a Go text/template source into items: text between actions and the tokens inside {@code {{
 * }}}. Handles trim markers ({@code {{- } and { -}}}), comments, raw and quoted strings, character
 * constants and Go number syntax. Positions are byte offsets into the UTF-8 source, as Go reports
 * them.
 */
final class Lexer {
  enum Kind {
    TEXT,
    LEFT_DELIM,
    RIGHT_DELIM,
    IDENTIFIER,
    FIELD,
    VARIABLE,
    STRING,
    RAW_STRING,
    CHAR,
    NUMBER,
    BOOL,
    NIL,
    DOT,
    PIPE,
    LEFT_PAREN,
    RIGHT_PAREN,
    DECLARE,
    ASSIGN,
    COMMA,
    SPACE,
    IF,
    ELSE,
    END,
    RANGE,
    WITH,
    BREAK,
    CONTINUE,
    DEFINE,
    TEMPLATE,
    BLOCK,
    EOF,
    ERROR
  }

  record Item(Kind kind, String text, int pos, int line) {
    @Override
    public String toString() {
      return kind == Kind.EOF ? "EOF" : text;
    }
  }

  private static final String LEFT = "{{";
  private static final String RIGHT = "}}";

  private final String src;
  private final List<Item> items = new ArrayList<>();
  private int pos;
  private int line = 1;
  private int parenDepth;
  private int countedChars;
  private int countedBytes;

  private Lexer(String src) {
    this.src = src;
  }

  /** Tokenises the whole source; an error item ends the list. */
  static List<Item> lex(String src) {
    Lexer l = new Lexer(src);
    l.run();
    return l.items;
  }

  private void emit(Kind kind, int start, int end) {
    items.add(new Item(kind, src.substring(start, end), byteOffset(start), line));
    line += count(src, start, end);
  }

  private void error(String msg) {
    items.add(new Item(Kind.ERROR, msg, byteOffset(pos), line));
  }

  /** UTF-8 offset of a char index; positions only grow, so the count resumes where it stopped. */
  private int byteOffset(int charIndex) {
    if (charIndex < countedChars) {
      countedChars = 0;
      countedBytes = 0;
    }
    for (; countedChars < charIndex; countedChars++) {
      char c = src.charAt(countedChars);
      countedBytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
    }
    return countedBytes;
  }

  private static int count(String s, int start, int end) {
    int n = 0;
    for (int i = start; i < end; i++) {
      if (s.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }

  private void run() {
    while (true) {
      int at = src.indexOf(LEFT, pos);
      if (at < 0) {
        if (pos < src.length()) {
          emit(Kind.TEXT, pos, src.length());
        }
        items.add(new Item(Kind.EOF, "", byteOffset(src.length()), line));
        return;
      }
      int textEnd = at;
      boolean trimLeft = hasLeftTrim(at + LEFT.length());
      if (trimLeft) {
        while (textEnd > pos && isSpace(src.charAt(textEnd - 1))) {
          textEnd--;
        }
      }
      if (textEnd > pos) {
        emit(Kind.TEXT, pos, textEnd);
      }
      line += count(src, textEnd, at);
      pos = at;
      if (!insideAction(trimLeft)) {
        return;
      }
    }
  }

  private boolean hasLeftTrim(int i) {
    return i + 1 < src.length() && src.charAt(i) == '-' && isSpace(src.charAt(i + 1));
  }

  private boolean atRightTrim(int i) {
    return i + 1 + RIGHT.length() <= src.length()
        && isSpace(src.charAt(i))
        && src.charAt(i + 1) == '-'
        && src.startsWith(RIGHT, i + 2);
  }

  /** Lexes one action starting at the left delimiter; false after an error. */
  private boolean insideAction(boolean trimLeft) {
    int afterDelim = pos + LEFT.length() + (trimLeft ? 2 : 0);
    if (src.startsWith("/*", afterDelim)) {
      return comment(afterDelim);
    }
    emit(Kind.LEFT_DELIM, pos, pos + LEFT.length());
    pos = afterDelim;
    parenDepth = 0;
    while (true) {
      if (atRightTrim(pos) || src.startsWith(RIGHT, pos)) {
        if (parenDepth > 0) {
          error("unclosed left paren");
          return false;
        }
        boolean trim = atRightTrim(pos);
        int delimStart = trim ? pos + 2 : pos;
        emit(Kind.RIGHT_DELIM, delimStart, delimStart + RIGHT.length());
        pos = delimStart + RIGHT.length();
        if (trim) {
          while (pos < src.length() && isSpace(src.charAt(pos))) {
            if (src.charAt(pos) == '\n') {
              line++;
            }
            pos++;
          }
        }
        return true;
      }
      if (pos >= src.length()) {
        error("unclosed action");
        return false;
      }
      if (!token()) {
        return false;
      }
    }
  }

  private boolean comment(int afterDelim) {
    int close = src.indexOf("*/", afterDelim + 2);
    if (close < 0) {
      error("unclosed comment");
      return false;
    }
    int after = close + 2;
    boolean trim = atRightTrim(after);
    int delim = trim ? after + 2 : after;
    if (!src.startsWith(RIGHT, delim)) {
      error("comment ends before closing delimiter");
      return false;
    }
    line += count(src, pos, delim);
    pos = delim + RIGHT.length();
    if (trim) {
      while (pos < src.length() && isSpace(src.charAt(pos))) {
        if (src.charAt(pos) == '\n') {
          line++;
        }
        pos++;
      }
    }
    return true;
  }

  /** Lexes one token inside an action. */
  private boolean token() {
    char c = src.charAt(pos);
    int start = pos;
    if (isSpace(c)) {
      return space(start);
    }
    switch (c) {
      case '=' -> {
        return single(Kind.ASSIGN, start);
      }
      case ':' -> {
        return declare(start);
      }
      case '|' -> {
        return single(Kind.PIPE, start);
      }
      case '"' -> {
        return quoted(start);
      }
      case '`' -> {
        return rawString(start);
      }
      case '\'' -> {
        return charConstant(start);
      }
      case '$' -> {
        pos++;
        return word(Kind.VARIABLE, start);
      }
      case '.' -> {
        return dot(start);
      }
      case '(' -> {
        parenDepth++;
        return single(Kind.LEFT_PAREN, start);
      }
      case ')' -> {
        return rightParen(start);
      }
      case ',' -> {
        return single(Kind.COMMA, start);
      }
      default -> {}
    }
    if (c == '+' || c == '-' || Character.isDigit(c)) {
      return number(start);
    }
    if (isAlnum(c)) {
      skipAlnum();
      emit(keyword(src.substring(start, pos)), start, pos);
      return true;
    }
    error("unrecognized character in action: " + GoQuote.hashU(src.codePointAt(start)));
    return false;
  }

  private boolean space(int start) {
    while (pos < src.length() && isSpace(src.charAt(pos)) && !atRightTrim(pos)) {
      pos++;
    }
    emit(Kind.SPACE, start, pos);
    return true;
  }

  /** A one-character token. */
  private boolean single(Kind kind, int start) {
    pos++;
    emit(kind, start, pos);
    return true;
  }

  private boolean declare(int start) {
    if (pos + 1 >= src.length() || src.charAt(pos + 1) != '=') {
      error("expected :=");
      return false;
    }
    pos += 2;
    emit(Kind.DECLARE, start, pos);
    return true;
  }

  private boolean rawString(int start) {
    int close = src.indexOf('`', pos + 1);
    if (close < 0) {
      error("unterminated raw quoted string");
      return false;
    }
    pos = close + 1;
    emit(Kind.RAW_STRING, start, pos);
    return true;
  }

  /** {@code .5} (a number), {@code .Field}, or {@code .} alone. */
  private boolean dot(int start) {
    if (pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1))) {
      return number(start);
    }
    pos++;
    if (pos < src.length() && isAlnum(src.charAt(pos))) {
      return word(Kind.FIELD, start);
    }
    emit(Kind.DOT, start, pos);
    return true;
  }

  private boolean rightParen(int start) {
    pos++;
    parenDepth--;
    if (parenDepth < 0) {
      error("unexpected right paren");
      return false;
    }
    emit(Kind.RIGHT_PAREN, start, pos);
    return true;
  }

  /** The alphanumeric run at {@code pos} ends a token of {@code kind} begun at {@code start}. */
  private boolean word(Kind kind, int start) {
    skipAlnum();
    emit(kind, start, pos);
    return true;
  }

  private void skipAlnum() {
    while (pos < src.length() && isAlnum(src.charAt(pos))) {
      pos++;
    }
  }

  private static Kind keyword(String w) {
    return switch (w) {
      case "if" -> Kind.IF;
      case "else" -> Kind.ELSE;
      case "end" -> Kind.END;
      case "range" -> Kind.RANGE;
      case "with" -> Kind.WITH;
      case "break" -> Kind.BREAK;
      case "continue" -> Kind.CONTINUE;
      case "define" -> Kind.DEFINE;
      case "template" -> Kind.TEMPLATE;
      case "block" -> Kind.BLOCK;
      case "true", "false" -> Kind.BOOL;
      case "nil" -> Kind.NIL;
      default -> Kind.IDENTIFIER;
    };
  }

  private boolean quoted(int start) {
    pos++;
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '\\') {
        pos += 2;
        continue;
      }
      if (c == '\n') {
        break;
      }
      if (c == '"') {
        pos++;
        emit(Kind.STRING, start, pos);
        return true;
      }
      pos++;
    }
    error("unterminated quoted string");
    return false;
  }

  private boolean charConstant(int start) {
    pos++;
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '\\') {
        pos += 2;
        continue;
      }
      if (c == '\n') {
        break;
      }
      if (c == '\'') {
        pos++;
        emit(Kind.CHAR, start, pos);
        return true;
      }
      pos++;
    }
    error("unterminated character constant");
    return false;
  }

  /** Go's scanNumber: a permissive scan; the parser validates the text. */
  private boolean number(int start) {
    if (src.charAt(pos) == '+' || src.charAt(pos) == '-') {
      pos++;
    }
    String digits = "0123456789_";
    if (src.startsWith("0x", pos) || src.startsWith("0X", pos)) {
      pos += 2;
      digits = "0123456789abcdefABCDEF_";
    } else if (src.startsWith("0o", pos) || src.startsWith("0O", pos)) {
      pos += 2;
      digits = "01234567_";
    } else if (src.startsWith("0b", pos) || src.startsWith("0B", pos)) {
      pos += 2;
      digits = "01_";
    }
    accept(digits);
    if (pos < src.length() && src.charAt(pos) == '.') {
      pos++;
      accept(digits);
    }
    if (digits.length() == 11
        && pos < src.length()
        && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
      pos++;
      if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
        pos++;
      }
      accept("0123456789_");
    }
    if (digits.length() > 11
        && pos < src.length()
        && (src.charAt(pos) == 'p' || src.charAt(pos) == 'P')) {
      pos++;
      if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
        pos++;
      }
      accept("0123456789_");
    }
    if (pos < src.length() && src.charAt(pos) == 'i') {
      pos++;
    }
    if (pos < src.length() && isAlnum(src.charAt(pos))) {
      pos++;
      error("bad number syntax: " + GoQuote.quote(src.substring(start, pos)));
      return false;
    }
    emit(Kind.NUMBER, start, pos);
    return true;
  }

  private void accept(String valid) {
    while (pos < src.length() && valid.indexOf(src.charAt(pos)) >= 0) {
      pos++;
    }
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  static boolean isAlnum(char c) {
    return c == '_' || Character.isLetterOrDigit(c);
  }
}
