package io.skald.routes.pushingest.labels;

import io.skald.routes.pushingest.PushException;
import io.skald.routes.pushingest.labels.LabelsLexer.Token;
import io.skald.routes.pushingest.labels.LabelsLexer.Type;
import io.skald.routes.pushingest.util.GoQuote;
import io.skald.routes.pushingest.util.Utf8;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Parses a stream's label text the way Loki does ({@code syntax.ParseLabels}: the Prometheus
 * series-description grammar, then labels with empty values dropped) and prints label sets in
 * Loki's canonical form.
 *
 * <p>Accepted: {@code {a="b", c='d', e=`f`}}, quoted names {@code {"service.name"="x"}}, a trailing
 * comma, {@code #} comments, whitespace and newlines, an optional metric name prefix
 * ({@code up{a="b"}} sets {@code __name__}). Only {@code =} is allowed. Duplicate names are kept
 * (sorted next to each other) so that validation can report them as Loki does.
 */
public final class LabelsParser {
  /** The label a bare metric name or a lone quoted string sets. */
  public static final String METRIC_NAME = "__name__";

  private static final Comparator<Label> BY_NAME = (a, b) -> Utf8.compare(a.name(), b.name());

  private LabelsParser() {}

  /**
   * Parses, sorts by name (stable) and drops labels with empty values.
   *
   * @throws PushException 400 {@code couldn't parse labels: <line>:<col>: parse error: <detail>}
   */
  public static List<Label> parse(String text) {
    try {
      return parseOrThrow(text);
    } catch (LabelsSyntaxException e) {
      throw new PushException(400, "couldn't parse labels: " + e.getMessage());
    }
  }

  /** Like {@link #parse} but reports the Prometheus parse error without Loki's prefix. */
  public static List<Label> parseOrThrow(String text) throws LabelsSyntaxException {
    List<Label> labels = new Parser(text).parse();
    labels.removeIf(l -> l.value().isEmpty());
    labels.sort(BY_NAME);
    return labels;
  }

  /**
   * The canonical text of a label set, as Prometheus' {@code Labels.String()}: sorted by name,
   * {@code ", "} between pairs, values quoted like Go {@code %q}, names quoted only when they are
   * not classic names. Labels with empty values are left out.
   */
  public static String canonical(List<Label> labels) {
    List<Label> sorted = new ArrayList<>(labels);
    sorted.sort(BY_NAME);
    StringBuilder b = new StringBuilder(16 * sorted.size() + 2).append('{');
    boolean first = true;
    for (Label l : sorted) {
      if (l.value().isEmpty()) {
        continue;
      }
      if (!first) {
        b.append(", ");
      }
      first = false;
      if (isClassicName(l.name())) {
        b.append(l.name());
      } else {
        GoQuote.appendQuoted(b, l.name(), '"');
      }
      b.append('=');
      GoQuote.appendQuoted(b, l.value(), '"');
    }
    return b.append('}').toString();
  }

  /** {@code [a-zA-Z_][a-zA-Z0-9_]*}. */
  public static boolean isClassicName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9');
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static final class Parser {
    private final String text;
    private final LabelsLexer lexer;
    private final List<Label> labels = new ArrayList<>();

    Parser(String text) {
      this.text = text;
      this.lexer = new LabelsLexer(text);
    }

    List<Label> parse() throws LabelsSyntaxException {
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

    private void labelSet() throws LabelsSyntaxException {
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

    /** Parses one {@code name=value} (or lone string) starting at {@code t}; returns the token after it. */
    private Token item(Token t) throws LabelsSyntaxException {
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

    private String stringValue() throws LabelsSyntaxException {
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

    private LabelsSyntaxException unexpected(Token t, String context, String expected) {
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
      return new LabelsSyntaxException(position(t.start()) + ": parse error: " + msg);
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

    /** {@code line:col} with a 1-based line and a byte-based column, like Prometheus' {@code StartPosInput}. */
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
