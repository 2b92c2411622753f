package io.skald.logql.engine;

import io.skald.labels.LabelSet;
import io.skald.logql.syntax.Grouping;
import io.skald.logql.syntax.VectorAggregationExpr;
import io.skald.logql.syntax.VectorOp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code sum, avg, min, max, count, stddev, stdvar, topk, bottomk, sort, sort_desc} with {@code by}
 * / {@code without}, per step, following Loki's {@code VectorAggEvaluator} (running mean for avg,
 * Welford for stddev/stdvar, NaN handling of min/max, heap selection for topk/bottomk). {@code
 * approx_topk} is evaluated as an exact topk, as Loki's querier does when it is not sharded.
 */
final class VectorAggEvaluator implements StepEvaluator {
  private final StepEvaluator inner;
  private final VectorOp op;
  private final int k;
  private final boolean without;
  private final Set<String> groups;

  /** Group labels per input series: series repeat from step to step. */
  private final Map<LabelSet, LabelSet> keys = new java.util.HashMap<>();

  VectorAggEvaluator(VectorAggregationExpr expr, StepEvaluator inner) {
    this.inner = inner;
    this.op = expr.op() == VectorOp.APPROX_TOPK ? VectorOp.TOPK : expr.op();
    this.k = expr.param() == null ? 0 : expr.param();
    Grouping g = expr.grouping();
    this.without = g != null && g.without();
    this.groups = g == null ? Set.of() : new HashSet<>(g.labels());
  }

  private static final class Group {
    final LabelSet labels;
    double value;
    double mean;
    int count;
    Heap heap;

    Group(LabelSet labels) {
      this.labels = labels;
    }
  }

  @Override
  public StepVector next() {
    StepVector in = inner.next();
    if (in == null) {
      return null;
    }
    if ((op == VectorOp.TOPK || op == VectorOp.BOTTOMK) && k < 1) {
      return new StepVector(in.timestampMs, 0);
    }
    Map<LabelSet, Group> result = new LinkedHashMap<>();
    for (int i = 0; i < in.size(); i++) {
      LabelSet metric = in.labels(i);
      double v = in.value(i);
      LabelSet key = groupKey(metric);
      Group group = result.get(key);
      if (group == null) {
        result.put(key, first(key, metric, v));
      } else {
        add(group, metric, v);
      }
    }
    StepVector out = new StepVector(in.timestampMs, result.size());
    for (Group g : result.values()) {
      switch (op) {
        case AVG -> out.add(g.labels, g.mean);
        case COUNT -> out.add(g.labels, g.count);
        case STDDEV -> out.add(g.labels, Math.sqrt(g.value / g.count));
        case STDVAR -> out.add(g.labels, g.value / g.count);
        case TOPK, SORT_DESC, BOTTOMK, SORT -> g.heap.drainSorted(out);
        default -> out.add(g.labels, g.value);
      }
    }
    return out;
  }

  /** The labels a series is grouped by ({@code by} / {@code without}), cached per series. */
  private LabelSet groupKey(LabelSet metric) {
    LabelSet key = keys.get(metric);
    if (key == null) {
      key = without ? metric.keep(n -> !groups.contains(n)) : metric.keep(groups::contains);
      if (keys.size() >= 100_000) {
        keys.clear();
      }
      keys.put(metric, key);
    }
    return key;
  }

  /** A group started by its first sample. */
  private Group first(LabelSet key, LabelSet metric, double v) {
    Group group = new Group(key);
    group.value = v;
    group.mean = v;
    group.count = 1;
    switch (op) {
      case STDVAR, STDDEV -> group.value = 0.0;
      case TOPK, SORT_DESC -> {
        group.heap = new Heap(false);
        group.heap.push(metric, v);
      }
      case BOTTOMK, SORT -> {
        group.heap = new Heap(true);
        group.heap.push(metric, v);
      }
      default -> {}
    }
    return group;
  }

  /** Folds one more sample into its group. */
  private void add(Group group, LabelSet metric, double v) {
    switch (op) {
      case SUM -> group.value += v;
      case AVG -> {
        group.count++;
        if (Double.isInfinite(group.mean)) {
          if (Double.isInfinite(v) && (group.mean > 0) == (v > 0)) {
            break; // same-sign infinity leaves the mean unchanged
          }
          if (!Double.isInfinite(v) && !Double.isNaN(v)) {
            break; // a finite sample cannot change an infinite mean
          }
        }
        group.mean += (v - group.mean) / group.count;
      }
      case MAX -> {
        if (group.value < v || Double.isNaN(group.value)) {
          group.value = v;
        }
      }
      case MIN -> {
        if (group.value > v || Double.isNaN(group.value)) {
          group.value = v;
        }
      }
      case COUNT -> group.count++;
      case STDDEV, STDVAR -> {
        group.count++;
        double delta = v - group.mean;
        group.mean += delta / group.count;
        group.value += delta * (v - group.mean);
      }
      case TOPK, BOTTOMK -> group.heap.offer(metric, v, k);
      case SORT, SORT_DESC -> group.heap.push(metric, v);
      default -> throw new IllegalStateException("unexpected aggregation " + op);
    }
  }

  @Override
  public void close() {
    inner.close();
  }

  /**
   * Go's {@code container/heap} over Loki's {@code vectorByValueHeap} (min at the top, NaN lowest)
   * or {@code vectorByReverseValueHeap} (max at the top, NaN highest), so that ties and NaNs select
   * the same series as Loki.
   */
  static final class Heap {
    private final boolean reverse;
    private final List<LabelSet> labels = new ArrayList<>();
    private double[] values = new double[4];

    Heap(boolean reverse) {
      this.reverse = reverse;
    }

    int size() {
      return labels.size();
    }

    private boolean less(int i, int j) {
      if (Double.isNaN(values[i])) {
        return true;
      }
      return reverse ? values[i] > values[j] : values[i] < values[j];
    }

    private void swap(int i, int j) {
      double v = values[i];
      values[i] = values[j];
      values[j] = v;
      labels.set(i, labels.set(j, labels.get(i)));
    }

    void push(LabelSet l, double v) {
      int n = labels.size();
      if (n == values.length) {
        values = java.util.Arrays.copyOf(values, n * 2);
      }
      values[n] = v;
      labels.add(l);
      up(n);
    }

    void pop() {
      int n = labels.size() - 1;
      swap(0, n);
      down(0, n);
      labels.remove(n);
    }

    /** topk/bottomk: keep the k best, replacing the top when the new value beats it. */
    void offer(LabelSet l, double v, int k) {
      double top = values[0];
      boolean better = reverse ? top > v : top < v;
      if (labels.size() < k || better || Double.isNaN(top)) {
        if (labels.size() == k) {
          pop();
        }
        push(l, v);
      }
    }

    private void up(int j) {
      while (true) {
        int i = (j - 1) / 2;
        if (i == j || !less(j, i)) {
          break;
        }
        swap(i, j);
        j = i;
      }
    }

    private void down(int i0, int n) {
      int i = i0;
      while (true) {
        int j1 = 2 * i + 1;
        if (j1 >= n || j1 < 0) {
          break;
        }
        int j = j1;
        int j2 = j1 + 1;
        if (j2 < n && less(j2, j1)) {
          j = j2;
        }
        if (!less(j, i)) {
          break;
        }
        swap(i, j);
        i = j;
      }
    }

    /**
     * Appends the elements best first: descending for topk/sort_desc, ascending for bottomk/sort,
     * NaN last in both (Loki sorts the heap in reverse).
     */
    void drainSorted(StepVector out) {
      int n = labels.size();
      Integer[] idx = new Integer[n];
      for (int i = 0; i < n; i++) {
        idx[i] = i;
      }
      Comparator<Integer> byValue =
          (a, b) -> {
            double x = values[a];
            double y = values[b];
            boolean nx = Double.isNaN(x);
            boolean ny = Double.isNaN(y);
            if (nx || ny) {
              return nx == ny ? 0 : nx ? 1 : -1;
            }
            if (x == y) {
              return 0;
            }
            boolean first = reverse ? x < y : x > y;
            return first ? -1 : 1;
          };
      java.util.Arrays.sort(idx, byValue);
      for (int i : idx) {
        out.add(labels.get(i), values[i]);
      }
    }
  }
}
