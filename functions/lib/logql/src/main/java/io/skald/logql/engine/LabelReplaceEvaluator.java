package io.skald.logql.engine;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.skald.labels.LabelSet;
import io.skald.logql.syntax.LabelReplaceExpr;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code label_replace(v, dst, replacement, src, regex)}: when the fully anchored regex matches the
 * value of {@code src} (empty when absent), {@code dst} is set to the expanded replacement, or
 * removed when that is empty; otherwise the series is unchanged. The replacement uses Go's {@code
 * Regexp.Expand} syntax: {@code $1}, {@code ${1}}, {@code $name}, {@code ${name}}, {@code $$}.
 */
final class LabelReplaceEvaluator implements StepEvaluator {
  private final StepEvaluator inner;
  private final LabelReplaceExpr expr;
  private final Pattern regex;
  private final Map<String, Integer> namedGroups;
  private final Map<LabelSet, LabelSet> cache = new HashMap<>();

  LabelReplaceEvaluator(LabelReplaceExpr expr, StepEvaluator inner) {
    this.inner = inner;
    this.expr = expr;
    try {
      this.regex = Pattern.compile("^(?:" + expr.regex() + ")$");
    } catch (PatternSyntaxException e) {
      throw new MetricQueryException(
          MetricQueryException.Reason.BAD_REQUEST,
          "parse error : invalid regex in label_replace: " + e.getMessage(),
          e);
    }
    this.namedGroups = regex.namedGroups();
  }

  @Override
  public StepVector next() {
    StepVector in = inner.next();
    if (in == null) {
      return null;
    }
    StepVector out = new StepVector(in.timestampMs, in.size());
    for (int i = 0; i < in.size(); i++) {
      out.add(cache.computeIfAbsent(in.labels(i), this::replace), in.value(i));
    }
    return out;
  }

  LabelSet replace(LabelSet labels) {
    String src = labels.get(expr.src());
    Matcher m = regex.matcher(src == null ? "" : src);
    if (!m.find()) {
      return labels;
    }
    String res = expand(expr.replacement(), m);
    return labels.with(expr.dst(), res.isEmpty() ? null : res);
  }

  /** Go's {@code Regexp.Expand}. */
  String expand(String template, Matcher m) {
    StringBuilder dst = new StringBuilder();
    int i = 0;
    int n = template.length();
    while (i < n) {
      int dollar = template.indexOf('$', i);
      if (dollar < 0) {
        break;
      }
      dst.append(template, i, dollar);
      i = dollar + 1;
      if (i < n && template.charAt(i) == '$') {
        dst.append('$');
        i++;
        continue;
      }
      // extract: $name or ${name}; name is letters, digits and underscores.
      int p = i;
      boolean brace = p < n && template.charAt(p) == '{';
      if (brace) {
        p++;
      }
      int nameStart = p;
      while (p < n) {
        int cp = template.codePointAt(p);
        if (!Character.isLetter(cp) && !Character.isDigit(cp) && cp != '_') {
          break;
        }
        p += Character.charCount(cp);
      }
      String name = template.substring(nameStart, p);
      boolean ok = !name.isEmpty();
      if (ok && brace) {
        if (p >= n || template.charAt(p) != '}') {
          ok = false;
        } else {
          p++;
        }
      }
      if (!ok) {
        dst.append('$'); // malformed: the $ is literal text
        continue;
      }
      i = p;
      int num = groupNumber(name);
      if (num >= 0) {
        if (num <= m.groupCount() && m.start(num) >= 0) {
          dst.append(m.group(num));
        }
      } else {
        Integer g = namedGroups.get(name);
        if (g != null && m.start(g) >= 0) {
          dst.append(m.group(g));
        }
      }
    }
    if (i < n) {
      dst.append(template, i, n);
    }
    return dst.toString();
  }

  /** The group number a name denotes, or -1 (not all ASCII digits, leading zero, too big). */
  private static int groupNumber(String name) {
    int num = 0;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < '0' || c > '9' || num >= 100_000_000) {
        return -1;
      }
      num = num * 10 + (c - '0');
    }
    if (name.charAt(0) == '0' && name.length() > 1) {
      return -1;
    }
    return num;
  }

  @Override
  public void close() {
    inner.close();
  }
}
