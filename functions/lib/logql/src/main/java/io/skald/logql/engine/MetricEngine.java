package io.skald.logql.engine;

import io.skald.labels.LabelSet;
import io.skald.logql.log.SampleExtractor;
import io.skald.logql.syntax.BinOpExpr;
import io.skald.logql.syntax.Grouping;
import io.skald.logql.syntax.LabelReplaceExpr;
import io.skald.logql.syntax.LiteralExpr;
import io.skald.logql.syntax.ParseException;
import io.skald.logql.syntax.RangeAggregationExpr;
import io.skald.logql.syntax.RangeOp;
import io.skald.logql.syntax.SampleExpr;
import io.skald.logql.syntax.VectorAggregationExpr;
import io.skald.logql.syntax.VectorExpr;
import io.skald.logql.syntax.VectorOp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Evaluates LogQL metric queries as Loki's engine does ({@code pkg/logql/engine.go} {@code
 * evalSample}, {@code evaluator.go}, {@code range_vector.go}).
 *
 * <ul>
 *   <li>A range query is evaluated at {@code start, start+step, ... <= end}; an instant query once
 *       at its time. The engine does not align steps: see {@link StepAlignment}.
 *   <li>A range aggregation at step t aggregates the samples with {@code t - offset - range < ts <=
 *       t - offset} (left-open, right-closed); the output timestamp is t.
 *   <li>A literal gives a scalar (instant) or one label-less series (range); {@code vector(s)} a
 *       one-sample vector or one label-less series.
 *   <li>Range results: series sorted by labels. Instant results: sorted by labels unless the query
 *       uses {@code sort} / {@code sort_desc}.
 *   <li>More than {@link Limits#maxQuerySeries()} series fails with Loki's text; so does a sample
 *       still carrying {@code __error__} (unless {@code __preserve_error__="true"}).
 * </ul>
 *
 * <p>Thread-safe if the {@link SampleSource} is: each call evaluates independently.
 */
public final class MetricEngine {
  private final SampleSource source;

  public MetricEngine(SampleSource source) {
    this.source = source;
  }

  /** An instant query at {@code timeNanos}. */
  public MetricResult instant(SampleExpr expr, long timeNanos, Limits limits) {
    return evaluate(expr, timeNanos, timeNanos, 0, QueryKind.INSTANT, limits);
  }

  /** A range query (not aligned here: call {@link StepAlignment#align} first, as Loki does). */
  public MetricResult range(
      SampleExpr expr, long startNanos, long endNanos, long stepNanos, Limits limits) {
    return evaluate(expr, startNanos, endNanos, stepNanos, QueryKind.RANGE, limits);
  }

  /**
   * Evaluates a metric query.
   *
   * @param endNanos ignored for {@link QueryKind#INSTANT} (evaluated at {@code startNanos})
   * @param stepNanos ignored for {@link QueryKind#INSTANT}; must be positive for RANGE
   * @return {@link MatrixResult} for RANGE; {@link VectorResult} or {@link ScalarResult} for
   *     INSTANT
   * @throws MetricQueryException with Loki's message and HTTP status: pipeline errors, series
   *     limit, stage compile errors (400), vector matching errors (500)
   */
  public MetricResult evaluate(
      SampleExpr expr,
      long startNanos,
      long endNanos,
      long stepNanos,
      QueryKind kind,
      Limits limits) {
    return evaluate(expr, startNanos, endNanos, stepNanos, kind, limits, w -> {});
  }

  /**
   * Like {@link #evaluate(SampleExpr, long, long, long, QueryKind, Limits)}, reporting Loki's
   * warnings (the response's top-level {@code "warnings"}) to {@code warnings}; today only the
   * partial-result warning of {@link Limits#partialResultsOnSeriesLimit()}.
   */
  public MetricResult evaluate(
      SampleExpr expr,
      long startNanos,
      long endNanos,
      long stepNanos,
      QueryKind kind,
      Limits limits,
      Consumer<String> warnings) {
    if (limits == null) {
      limits = Limits.DEFAULT;
    }
    EvalParams params;
    if (kind == QueryKind.INSTANT) {
      params = new EvalParams(startNanos, startNanos, 0, kind);
    } else {
      if (stepNanos <= 0) {
        throw new MetricQueryException(
            MetricQueryException.Reason.BAD_REQUEST,
            "zero or negative query resolution step widths are not accepted. Try a positive integer");
      }
      if (endNanos < startNanos) {
        throw new MetricQueryException(
            MetricQueryException.Reason.BAD_REQUEST,
            "end timestamp must not be before or equal to start time");
      }
      params = new EvalParams(startNanos, endNanos, stepNanos, kind);
    }
    SampleExpr e = foldLiterals(expr);
    if (e instanceof LiteralExpr lit) {
      return literal(lit.value(), params, false);
    }
    if (e instanceof VectorExpr vec) {
      return literal(vec.value(), params, true);
    }

    Builder builder = new Builder(params);
    StepEvaluator root = builder.build(e, null);
    try {
      for (RangeAggEvaluator leaf : builder.leaves) {
        leaf.open(source);
      }
      return kind == QueryKind.INSTANT
          ? collectVector(root, limits, sortable(e), warnings)
          : collectMatrix(root, limits, warnings);
    } finally {
      root.close();
    }
  }

  private static MetricResult literal(double value, EvalParams p, boolean vector) {
    if (p.kind() == QueryKind.INSTANT) {
      long ms = p.startNanos() / 1_000_000;
      return vector
          ? new VectorResult(List.of(new Sample(Map.of(), ms, value)))
          : new ScalarResult(ms, value);
    }
    int n = (int) ((p.endNanos() - p.startNanos()) / p.stepNanos()) + 1;
    long[] ts = new long[n];
    double[] vs = new double[n];
    for (int i = 0; i < n; i++) {
      ts[i] = (p.startNanos() + i * p.stepNanos()) / 1_000_000;
      vs[i] = value;
    }
    return new MatrixResult(List.of(new Series(Map.of(), ts, vs)));
  }

  private static MetricQueryException seriesLimit(int max) {
    return new MetricQueryException(
        MetricQueryException.Reason.SERIES_LIMIT,
        "maximum number of series ("
            + max
            + ") reached for a single query; consider reducing query cardinality by adding more specific stream "
            + "selectors, reducing the time range, or aggregating results with functions like sum(), count() "
            + "or topk()");
  }

  private static String partialWarning(int max) {
    return "maximum number of series ("
        + max
        + ") reached for a single query; returning partial results";
  }

  private static VectorResult collectVector(
      StepEvaluator root, Limits limits, boolean sortable, Consumer<String> warnings) {
    StepVector vec = root.next();
    if (vec == null) {
      return new VectorResult(List.of());
    }
    int max = limits.maxQuerySeries();
    int n = vec.size();
    if (max > 0 && n > max) {
      if (!limits.partialResultsOnSeriesLimit()) {
        throw seriesLimit(max);
      }
      n = max; // the first ones in evaluation order, before sorting, as Loki truncates
      warnings.accept(partialWarning(max));
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    if (!sortable) {
      Arrays.sort(order, (a, b) -> LabelSet.compare(vec.labels(a), vec.labels(b)));
    }
    List<Sample> out = new ArrayList<>(order.length);
    for (int i : order) {
      out.add(new Sample(vec.labels(i).asMap(), vec.timestampMs, vec.value(i)));
    }
    return new VectorResult(out);
  }

  private static final class SeriesBuilder {
    final LabelSet labels;
    long[] ts = new long[16];
    double[] vs = new double[16];
    int n;

    SeriesBuilder(LabelSet labels) {
      this.labels = labels;
    }

    void add(long t, double v) {
      if (n == ts.length) {
        ts = Arrays.copyOf(ts, n * 2);
        vs = Arrays.copyOf(vs, n * 2);
      }
      ts[n] = t;
      vs[n] = v;
      n++;
    }
  }

  private static MatrixResult collectMatrix(
      StepEvaluator root, Limits limits, Consumer<String> warnings) {
    int max = limits.maxQuerySeries();
    boolean partial = limits.partialResultsOnSeriesLimit();
    Map<LabelSet, SeriesBuilder> index = new LinkedHashMap<>();
    boolean first = true;
    steps:
    for (StepVector vec = root.next(); vec != null; vec = root.next()) {
      int n = vec.size();
      boolean stop = false;
      if (first && max > 0 && n > max) {
        if (!partial) {
          throw seriesLimit(max); // fail fast on the first step, as Loki does
        }
        // Loki keeps the first step's first series and evaluates no further step.
        warnings.accept(partialWarning(max));
        n = max;
        stop = true;
      }
      first = false;
      boolean exceeded = false;
      for (int i = 0; i < n; i++) {
        LabelSet l = vec.labels(i);
        SeriesBuilder sb = index.get(l);
        if (sb == null) {
          if (exceeded) {
            continue;
          }
          if (max > 0 && index.size() >= max) {
            // Loki still appends this step's points of known series, then stops.
            exceeded = true;
            continue;
          }
          sb = new SeriesBuilder(l);
          index.put(l, sb);
        }
        sb.add(vec.timestampMs, vec.value(i));
      }
      if (exceeded) {
        if (!partial) {
          throw seriesLimit(max);
        }
        warnings.accept(partialWarning(max));
        break steps;
      }
      if (stop) {
        break;
      }
    }
    List<SeriesBuilder> all = new ArrayList<>(index.values());
    all.sort((a, b) -> LabelSet.compare(a.labels, b.labels));
    List<Series> out = new ArrayList<>(all.size());
    for (SeriesBuilder sb : all) {
      out.add(
          new Series(sb.labels.asMap(), Arrays.copyOf(sb.ts, sb.n), Arrays.copyOf(sb.vs, sb.n)));
    }
    return new MatrixResult(out);
  }

  /** Whether an instant result keeps the order of sort / sort_desc instead of label order. */
  static boolean sortable(SampleExpr e) {
    if (e instanceof VectorAggregationExpr v) {
      return v.op() == VectorOp.SORT || v.op() == VectorOp.SORT_DESC || sortable(v.inner());
    }
    if (e instanceof BinOpExpr b) {
      return sortable(b.lhs()) || sortable(b.rhs());
    }
    if (e instanceof LabelReplaceExpr l) {
      return sortable(l.inner());
    }
    return false;
  }

  /**
   * Literal-only binary operations, which Loki's parser folds; ours does too, except when built by
   * hand.
   */
  static SampleExpr foldLiterals(SampleExpr e) {
    if (e instanceof BinOpExpr b) {
      SampleExpr l = foldLiterals(b.lhs());
      SampleExpr r = foldLiterals(b.rhs());
      if (l instanceof LiteralExpr ll && r instanceof LiteralExpr rl && !b.op().isSetOperator()) {
        return new LiteralExpr(BinOps.fold(b.op(), ll.value(), rl.value()));
      }
      return l == b.lhs() && r == b.rhs()
          ? b
          : new BinOpExpr(b.op(), l, r, b.returnBool(), b.matching());
    }
    return e;
  }

  /** Whether Loki pushes a sum's grouping into the range aggregation's extraction. */
  private static boolean canInjectVectorGrouping(VectorOp vecOp, RangeOp rangeOp) {
    if (vecOp != VectorOp.SUM) {
      return false;
    }
    return switch (rangeOp) {
      case BYTES_OVER_TIME, BYTES_RATE, SUM_OVER_TIME, RATE, COUNT_OVER_TIME -> true;
      default -> false;
    };
  }

  /** Builds the evaluator tree; range aggregations are opened only once all have compiled. */
  private static final class Builder {
    final EvalParams params;
    final List<RangeAggEvaluator> leaves = new ArrayList<>();

    Builder(EvalParams params) {
      this.params = params;
    }

    StepEvaluator build(SampleExpr e, Grouping pushdown) {
      if (e instanceof RangeAggregationExpr r) {
        return range(r, pushdown);
      }
      if (e instanceof VectorAggregationExpr v) {
        StepEvaluator inner;
        if (v.inner() instanceof RangeAggregationExpr r
            && canInjectVectorGrouping(v.op(), r.op())
            && r.grouping() == null) {
          // Loki's parser gives every vector aggregation a grouping; none means by ().
          inner = range(r, v.grouping() != null ? v.grouping() : new Grouping(false, List.of()));
        } else {
          inner = build(v.inner(), null);
        }
        return new VectorAggEvaluator(v, inner);
      }
      if (e instanceof BinOpExpr b) {
        if (b.lhs() instanceof LiteralExpr l) {
          return new LiteralBinOpEvaluator(
              b.op(), l.value(), true, b.returnBool(), build(b.rhs(), null));
        }
        if (b.rhs() instanceof LiteralExpr r) {
          return new LiteralBinOpEvaluator(
              b.op(), r.value(), false, b.returnBool(), build(b.lhs(), null));
        }
        StepEvaluator lhs = build(b.lhs(), null);
        StepEvaluator rhs = build(b.rhs(), null);
        return new VectorBinOpEvaluator(b.op(), b.matching(), b.returnBool(), lhs, rhs);
      }
      if (e instanceof LabelReplaceExpr l) {
        return new LabelReplaceEvaluator(l, build(l.inner(), null));
      }
      if (e instanceof VectorExpr v) {
        return new VectorExprEvaluator(v.value(), params);
      }
      throw new MetricQueryException(
          MetricQueryException.Reason.EXECUTION,
          "unexpected expr type (" + e.getClass().getSimpleName() + ") for the metric evaluator");
    }

    private StepEvaluator range(RangeAggregationExpr r, Grouping override) {
      SampleExtractor extractor;
      try {
        extractor = SampleExtractor.compile(r, override);
      } catch (ParseException ex) {
        throw new MetricQueryException(
            MetricQueryException.Reason.BAD_REQUEST, ex.getMessage(), ex);
      }
      long[] bounds = RangeAggEvaluator.selectionRange(r, params);
      RangeAggEvaluator leaf =
          new RangeAggEvaluator(
              new SampleSelection(r, override, extractor, bounds[0], bounds[1]), params);
      leaves.add(leaf);
      return leaf;
    }
  }
}
