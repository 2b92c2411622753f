package io.skald.labels;

import io.skald.gocompat.GoQuote;
import io.skald.gocompat.Utf8;
import io.skald.labels.SeriesLexer.Token;
import io.skald.labels.SeriesLexer.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads label text in the Prometheus series-description grammar ({@code promql/parser} {@code
 * ParseMetric}), with its error texts. Loki parses pushed stream labels with it, and it reads back
 * what {@link LabelSet#toString()} writes.
 *
 * <p>Accepted: {@code {a="b", c='d', e=`f`}}, quoted names {@code {"service.name"="x"}}, a trailing
 * comma, {@code #} comments, whitespace and newlines, an optional metric name prefix ({@code
 * up{a="b"}} sets {@code __name__}). Only {@code =} is allowed. Strings take every Go escape.
 */
public final class SeriesParser {
  /** The label a bare metric name or a lone quoted string sets. */
  public static final String METRIC_NAME = "__name__";

  private SeriesParser() {}

  /**
   * The labels as written (the metric name last, as {@code __name__}), duplicates and empty values
   * included, so that callers can report them as Loki does.
   *
   * @throws LabelSyntaxException {@code <line>:<col>: parse error: <detail>}
   */
  public static List<Label> parse(String text) {
    return new Parser(text, false).parse();
  }

  /** {@link #parse}, also taking U+FFFD in strings, which {@code strconv.Quote} prints as it is. */
  static List<Label> parsePrinted(String text) {
    return new Parser(text, true).parse();
  }

  private static final class Parser {
    private final String text;
    private final SeriesLexer lexer;
    private final List<Label> labels = new ArrayList<>();

    Parser(String text, boolean acceptReplacementRune) {
      this.text = text;
      this.lexer = new SeriesLexer(text, acceptReplacementRune);
    }

    List<Label> parse() {
      Token t = lexer.next();
      String metricName = null;
      if (t.type() == Type.IDENT || t.type() == Type.METRIC_IDENT) {
        metricName = t.text();
        t = lexer.next();
      }
      if (t.type() == Type.LBRACE) {
        labelSet();
        t = lexer.next();
      }
      if (t.type() != Type.EOF) {
        throw unexpected(t, null, null);
      }
      if (metricName != null) {
        setMetricName(metricName);
      }
      return labels;
    }

    private void labelSet() {
      Token t = lexer.next();
      if (t.type() == Type.RBRACE) {
        return;
      }
      while (true) {
        Token sep = item(t);
        if (sep.type() == Type.RBRACE) {
          return;
        }
        if (sep.type() != Type.COMMA) {
          throw unexpected(sep, "label set", "\",\" or \"}\"");
        }
        t = lexer.next();
        if (t.type() == Type.RBRACE) {
          return; // trailing comma
        }
      }
    }

    /**
     * Parses one {@code name=value} (or lone string) starting at {@code t}; returns the token after
     * it.
     */
    private Token item(Token t) {
      if (t.type() == Type.IDENT) {
        Token eq = lexer.next();
        if (eq.type() != Type.EQL) {
          throw unexpected(eq, "label set", "\"=\"");
        }
        labels.add(new Label(t.text(), stringValue()));
        return lexer.next();
      }
      if (t.type() == Type.STRING) {
        Token next = lexer.next();
        if (next.type() == Type.EQL) {
          labels.add(new Label(t.value(), stringValue()));
          return lexer.next();
        }
        if (next.type() == Type.COMMA || next.type() == Type.RBRACE) {
          labels.add(new Label(METRIC_NAME, t.value()));
          return next;
        }
        throw unexpected(next, "label set", "\",\" or \"}\"");
      }
      throw unexpected(t, "label set", "identifier or \"}\"");
    }

    private String stringValue() {
      Token v = lexer.next();
      if (v.type() != Type.STRING) {
        throw unexpected(v, "label set", "string");
      }
      return v.value();
    }

    private void setMetricName(String name) {
      for (int i = 0; i < labels.size(); i++) {
        if (labels.get(i).name().equals(METRIC_NAME)) {
          labels.set(i, new Label(METRIC_NAME, name));
          return;
        }
      }
      labels.add(new Label(METRIC_NAME, name));
    }

    private LabelSyntaxException unexpected(Token t, String context, String expected) {
      String msg;
      if (t.type() == Type.ERROR) {
        msg = t.value(); // lexer errors are reported as they are
      } else {
        StringBuilder b = new StringBuilder("unexpected ").append(describe(t));
        if (context != null) {
          b.append(" in ").append(context);
        }
        if (expected != null) {
          b.append(", expected ").append(expected);
        }
        msg = b.toString();
      }
      return new LabelSyntaxException(position(t.start()) + ": parse error: " + msg);
    }

    private static String describe(Token t) {
      return switch (t.type()) {
        case EOF -> "end of input";
        case IDENT -> "identifier " + GoQuote.quote(t.text());
        case METRIC_IDENT -> "metric identifier " + GoQuote.quote(t.text());
        case STRING -> "string " + quoteItem(t.text());
        case LBRACE -> "\"{\"";
        case RBRACE -> "\"}\"";
        case COMMA -> "\",\"";
        case EQL -> "\"=\"";
        case OTHER, ERROR -> t.value();
      };
    }

    /** Prometheus prints item values longer than 10 bytes as {@code %.10q...} (first 10 runes). */
    private static String quoteItem(String raw) {
      if (Utf8.length(raw) > 10) {
        int runes = Math.min(10, raw.codePointCount(0, raw.length()));
        return GoQuote.quote(raw.substring(0, raw.offsetByCodePoints(0, runes))) + "...";
      }
      return GoQuote.quote(raw);
    }

    /**
     * {@code line:col} with a 1-based line and a byte-based column, like Prometheus' {@code
     * StartPosInput}.
     */
    private String position(int charIndex) {
      int line = 1;
      int lastBreak = -1;
      for (int i = 0; i < charIndex && i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          line++;
          lastBreak = i;
        }
      }
      int end = Math.min(charIndex, text.length());
      int col = Utf8.length(text.substring(lastBreak + 1, end)) + 1;
      return line + ":" + col;
    }
  }
}
