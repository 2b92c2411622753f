package io.skald.logql.engine;

import io.skald.labels.Label;
import io.skald.labels.LabelSet;
import io.skald.labels.MatchType;
import io.skald.labels.Matcher;
import io.skald.logql.log.LabelsBuilder;
import io.skald.logql.syntax.RangeAggregationExpr;
import io.skald.logql.syntax.RangeOp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A range aggregation: slides the window {@code (t - offset - range, t - offset]} over the
 * time-ordered samples, step by step, keeping each series' samples of the current window (Loki's
 * {@code batchRangeVectorIterator}), and aggregates each non-empty series. The output timestamp is
 * t in milliseconds, whatever the offset.
 */
final class RangeAggEvaluator implements StepEvaluator {
  static final String PRESERVE_ERROR_LABEL = "__preserve_error__";

  private final SampleSelection selection;
  private final RangeFunctions.Aggregator aggregator;
  private final boolean absent;
  private final LabelSet absentLabels;
  private final long range;
  private final long offset;
  private final long step;
  private final long end;
  private long current;

  private final Map<LabelSet, Window> windows = new LinkedHashMap<>();
  private SampleIterator samples;
  private boolean peeked;
  private boolean exhausted;
  private long lastTimestamp = Long.MIN_VALUE;

  RangeAggEvaluator(SampleSelection selection, EvalParams params) {
    RangeAggregationExpr expr = selection.expr();
    this.selection = selection;
    this.aggregator = RangeFunctions.of(expr);
    this.absent = expr.op() == RangeOp.ABSENT_OVER_TIME;
    this.absentLabels = absent ? absentLabels(expr.range().left().matchers()) : LabelSet.EMPTY;
    this.range = expr.range().range().toNanos();
    this.offset = expr.range().offset().toNanos();
    this.step = params.iteratorStep();
    this.end = params.endNanos() - offset;
    this.current = params.startNanos() - offset - step;
  }

  /** The selection Loki makes: {@code [start - range - offset, end - offset + 1ns)}. */
  static long[] selectionRange(RangeAggregationExpr expr, EvalParams params) {
    long range = expr.range().range().toNanos();
    long offset = expr.range().offset().toNanos();
    return new long[] {params.startNanos() - range - offset, params.endNanos() - offset + 1};
  }

  void open(SampleSource source) {
    samples = source.select(selection);
    if (samples == null) {
      samples = SampleIterators.empty();
    }
  }

  @Override
  public StepVector next() {
    current += step;
    if (current > end) {
      return null;
    }
    long rangeEnd = current;
    long rangeStart = current - range;
    for (Iterator<Window> it = windows.values().iterator(); it.hasNext(); ) {
      Window w = it.next();
      w.dropUpTo(rangeStart);
      if (w.isEmpty()) {
        it.remove();
      }
    }
    load(rangeStart, rangeEnd);

    // Go's integer division truncates, as Java's does.
    long tsMs = current / 1_000_000 + offset / 1_000_000;
    StepVector out = new StepVector(tsMs, absent ? 1 : windows.size());
    for (Map.Entry<LabelSet, Window> e : windows.entrySet()) {
      LabelSet labels = e.getKey();
      checkError(labels);
      if (!absent) {
        out.add(labels, aggregator.apply(e.getValue(), rangeEnd));
      }
    }
    if (absent && windows.isEmpty()) {
      out.add(absentLabels, 1.0);
    }
    return out;
  }

  private void load(long rangeStart, long rangeEnd) {
    while (true) {
      if (!peeked) {
        if (exhausted || !samples.next()) {
          exhausted = true;
          return;
        }
        peeked = true;
        long ts = samples.timestampNanos();
        if (ts < lastTimestamp) {
          throw new IllegalStateException(
              "SampleSource returned samples out of time order: "
                  + ts
                  + " after "
                  + lastTimestamp
                  + " for "
                  + selection.expr());
        }
        lastTimestamp = ts;
      }
      long ts = samples.timestampNanos();
      if (ts > rangeEnd) {
        return; // belongs to a later window
      }
      peeked = false;
      if (ts <= rangeStart) {
        continue; // the window is left-open
      }
      windows.computeIfAbsent(samples.labels(), k -> new Window()).add(ts, samples.value());
    }
  }

  /** Errors are not allowed in metrics unless they were asked to be kept. */
  static void checkError(LabelSet labels) {
    if (labels.has(LabelsBuilder.ERROR_LABEL) && !"true".equals(labels.get(PRESERVE_ERROR_LABEL))) {
      throw pipelineError(labels);
    }
  }

  /** Loki's {@code PipelineError} text. */
  static MetricQueryException pipelineError(LabelSet labels) {
    String type = labels.get(LabelsBuilder.ERROR_LABEL);
    String msg =
        "pipeline error: '"
            + type
            + "' for series: '"
            + labels
            + "'.\n"
            + "Use a label filter to intentionally skip this error. (e.g | __error__!=\""
            + type
            + "\").\n"
            + "To skip all potential errors you can match empty errors.(e.g __error__=\"\")\n"
            + "The label filter can also be specified after unwrap. (e.g | unwrap latency | __error__=\"\" )\n";
    return new MetricQueryException(MetricQueryException.Reason.PIPELINE_ERROR, msg);
  }

  /**
   * The labels of an absent_over_time result: the equality matchers of the selector, minus every
   * name that also appears in another matcher.
   */
  static LabelSet absentLabels(List<Matcher> matchers) {
    Map<String, String> set = new LinkedHashMap<>();
    Set<String> drop = new HashSet<>();
    for (Matcher m : matchers) {
      if (m.name().equals("__name__")) {
        continue;
      }
      if (m.type() == MatchType.EQ && !set.containsKey(m.name())) {
        if (!m.value().isEmpty()) { // Prometheus' builder drops empty values
          set.put(m.name(), m.value());
        }
      } else {
        drop.add(m.name());
      }
    }
    List<Label> out = new ArrayList<>();
    set.forEach(
        (k, v) -> {
          if (!drop.contains(k)) {
            out.add(new Label(k, v));
          }
        });
    return LabelSet.of(out);
  }

  @Override
  public void close() {
    if (samples != null) {
      samples.close();
    }
  }
}
