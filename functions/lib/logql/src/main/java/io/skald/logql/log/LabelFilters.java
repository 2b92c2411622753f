package io.skald.logql.log;

import io.skald.logql.syntax.AndLabelFilter;
import io.skald.logql.syntax.BytesLabelFilter;
import io.skald.logql.syntax.DurationLabelFilter;
import io.skald.logql.syntax.IpLabelFilter;
import io.skald.logql.syntax.LabelFilter;
import io.skald.logql.syntax.NumericLabelFilter;
import io.skald.logql.syntax.OrLabelFilter;
import io.skald.logql.syntax.StringLabelFilter;
import java.util.List;

/**
 * Compiles {@code | <label filter>} trees into stages; {@code and} / {@code or} nodes become
 * short-circuiting {@link Binary} stages around the leaf filters.
 */
final class LabelFilters {
  private LabelFilters() {}

  /**
   * @throws IllegalArgumentException for an invalid ip pattern
   */
  static Stage compile(LabelFilter f) {
    if (f instanceof StringLabelFilter s) {
      return new StringLabelFilterStage(s.matcher());
    }
    if (f instanceof NumericLabelFilter n) {
      return ComparisonLabelFilterStage.numeric(n.name(), n.op(), n.value());
    }
    if (f instanceof DurationLabelFilter d) {
      return ComparisonLabelFilterStage.duration(d.name(), d.op(), d.value());
    }
    if (f instanceof BytesLabelFilter b) {
      return ComparisonLabelFilterStage.bytes(b.name(), b.op(), b.value());
    }
    if (f instanceof IpLabelFilter ip) {
      return new IpLabelFilterStage(ip.name(), ip.negated(), ip.pattern());
    }
    if (f instanceof AndLabelFilter a) {
      return new Binary(compile(a.left()), compile(a.right()), true);
    }
    OrLabelFilter o = (OrLabelFilter) f;
    return new Binary(compile(o.left()), compile(o.right()), false);
  }

  /** The conjunction of all filters (the label filters after {@code | unwrap}); null when none. */
  static Stage compileAll(List<LabelFilter> filters) {
    Stage out = null;
    for (LabelFilter f : filters) {
      Stage s = compile(f);
      out = out == null ? s : new Binary(out, s, true);
    }
    return out;
  }

  /**
   * {@code and} runs both sides even when the left drops the entry, so that a conversion error on
   * the right is still recorded; {@code or} stops at the first side that keeps the entry. Both as
   * Loki does.
   */
  record Binary(Stage left, Stage right, boolean and) implements Stage {
    @Override
    public boolean process(long ts, LineBuffer line, LabelsBuilder labels) {
      boolean l = left.process(ts, line, labels);
      if (!and && l) {
        return true;
      }
      boolean r = right.process(ts, line, labels);
      return and ? l && r : r;
    }

    @Override
    public Stage forStream() {
      Stage l = left.forStream();
      Stage r = right.forStream();
      return l == left && r == right ? this : new Binary(l, r, and);
    }
  }
}
