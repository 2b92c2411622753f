package io.skald.logql.engine;

import io.skald.labels.LabelSet;
import io.skald.logql.syntax.BinOp;
import io.skald.logql.syntax.VectorMatching;
import io.skald.logql.syntax.VectorMatching.Cardinality;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A binary operation between two vectors, following Loki's {@code BinOpStepEvaluator}: series match
 * on all labels, or on / ignoring the listed ones; {@code group_left} / {@code group_right} allow
 * many-to-one matches and copy the listed labels from the "one" side. Set operators keep the left
 * side's samples ({@code or} adds unmatched right ones).
 */
final class VectorBinOpEvaluator implements StepEvaluator {
  static final String MANY_TO_ONE_ERROR =
      "multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)";
  static final String GROUPING_ERROR =
      "multiple matches for labels: grouping labels must ensure unique matches";

  private final BinOp op;
  private final VectorMatching matching;
  private final boolean returnBool;
  private final StepEvaluator lhs;
  private final StepEvaluator rhs;
  private final Set<String> matchingLabels;

  VectorBinOpEvaluator(
      BinOp op, VectorMatching matching, boolean returnBool, StepEvaluator lhs, StepEvaluator rhs) {
    this.op = op;
    this.matching = matching;
    this.returnBool = returnBool;
    this.lhs = lhs;
    this.rhs = rhs;
    this.matchingLabels = matching == null ? Set.of() : new HashSet<>(matching.labels());
  }

  /** Matching labels per series: series repeat from step to step. */
  private final Map<LabelSet, LabelSet> signatures = new HashMap<>();

  private LabelSet signature(LabelSet l) {
    if (matching == null) {
      return l;
    }
    LabelSet sig = signatures.get(l);
    if (sig == null) {
      sig =
          matching.on()
              ? l.keep(matchingLabels::contains)
              : l.keep(n -> !matchingLabels.contains(n));
      if (signatures.size() >= 100_000) {
        signatures.clear();
      }
      signatures.put(l, sig);
    }
    return sig;
  }

  @Override
  public StepVector next() {
    // Loki advances the right leg first; both legs produce every step.
    StepVector r = rhs.next();
    if (r == null) {
      return null;
    }
    StepVector l = lhs.next();
    if (l == null) {
      return null;
    }
    LabelSet[] lsigs = new LabelSet[l.size()];
    for (int i = 0; i < lsigs.length; i++) {
      lsigs[i] = signature(l.labels(i));
    }
    LabelSet[] rsigs = new LabelSet[r.size()];
    for (int i = 0; i < rsigs.length; i++) {
      rsigs[i] = signature(r.labels(i));
    }
    return switch (op) {
      case AND -> and(l, r, lsigs, rsigs);
      case OR -> or(l, r, lsigs, rsigs);
      case UNLESS -> unless(l, r, lsigs, rsigs);
      default -> binop(l, r, lsigs, rsigs);
    };
  }

  private static StepVector and(StepVector l, StepVector r, LabelSet[] lsigs, LabelSet[] rsigs) {
    StepVector out = new StepVector(l.timestampMs, l.size());
    if (l.size() == 0 || r.size() == 0) {
      return out;
    }
    Set<LabelSet> right = new HashSet<>(List.of(rsigs));
    for (int i = 0; i < l.size(); i++) {
      if (right.contains(lsigs[i])) {
        out.add(l.labels(i), l.value(i));
      }
    }
    return out;
  }

  private static StepVector or(StepVector l, StepVector r, LabelSet[] lsigs, LabelSet[] rsigs) {
    StepVector out = new StepVector(l.timestampMs, l.size() + r.size());
    Set<LabelSet> left = new HashSet<>(List.of(lsigs));
    for (int i = 0; i < l.size(); i++) {
      out.add(l.labels(i), l.value(i));
    }
    for (int i = 0; i < r.size(); i++) {
      if (!left.contains(rsigs[i])) {
        out.add(r.labels(i), r.value(i));
      }
    }
    return out;
  }

  private static StepVector unless(StepVector l, StepVector r, LabelSet[] lsigs, LabelSet[] rsigs) {
    StepVector out = new StepVector(l.timestampMs, l.size());
    Set<LabelSet> right = new HashSet<>(List.of(rsigs));
    for (int i = 0; i < l.size(); i++) {
      if (r.size() == 0 || !right.contains(lsigs[i])) {
        out.add(l.labels(i), l.value(i));
      }
    }
    return out;
  }

  private StepVector binop(StepVector l, StepVector r, LabelSet[] lsigs, LabelSet[] rsigs) {
    Cardinality card = matching == null ? Cardinality.ONE_TO_ONE : matching.cardinality();
    // Handle one-to-many as many-to-one with the sides swapped.
    boolean swapped = card == Cardinality.ONE_TO_MANY;
    StepVector many = swapped ? r : l;
    StepVector one = swapped ? l : r;
    LabelSet[] manySigs = swapped ? rsigs : lsigs;
    LabelSet[] oneSigs = swapped ? lsigs : rsigs;

    Map<LabelSet, Integer> oneBySig = new HashMap<>(one.size() * 2);
    for (int i = 0; i < one.size(); i++) {
      if (oneBySig.putIfAbsent(oneSigs[i], i) != null) {
        throw new MetricQueryException(
            MetricQueryException.Reason.EXECUTION,
            "found duplicate series on the "
                + (swapped ? "left" : "right")
                + " hand-side;many-to-many matching not allowed: matching labels must be unique on one side");
      }
    }
    Map<LabelSet, Set<LabelSet>> matched = new HashMap<>();
    StepVector out = new StepVector(l.timestampMs, many.size());
    for (int i = 0; i < many.size(); i++) {
      LabelSet sig = manySigs[i];
      Integer j = oneBySig.get(sig);
      if (j == null) {
        continue;
      }
      LabelSet metric = resultMetric(many.labels(i), one.labels(j));
      if (card == Cardinality.ONE_TO_ONE) {
        if (matched.containsKey(sig)) {
          throw new MetricQueryException(MetricQueryException.Reason.EXECUTION, MANY_TO_ONE_ERROR);
        }
        matched.put(sig, Set.of());
      } else {
        if (!matched.computeIfAbsent(sig, s -> new HashSet<>()).add(metric)) {
          throw new MetricQueryException(MetricQueryException.Reason.EXECUTION, GROUPING_ERROR);
        }
      }
      double lv = swapped ? one.value(j) : many.value(i);
      double rv = swapped ? many.value(i) : one.value(j);
      if (op.isComparison()) {
        boolean cond = BinOps.compare(op, lv, rv);
        if (returnBool) {
          out.add(metric, cond ? 1 : 0);
        } else if (cond) {
          out.add(metric, lv);
        }
      } else {
        out.add(metric, BinOps.arithmetic(op, lv, rv));
      }
    }
    return out;
  }

  /**
   * The labels of a result: the "many" side's, reduced to the on() labels (or without the
   * ignoring() labels) for one-to-one matching, plus the group_x labels taken from the "one" side
   * (removed when the "one" side lacks them).
   */
  private LabelSet resultMetric(LabelSet manyLabels, LabelSet oneLabels) {
    if (matching == null) {
      return manyLabels;
    }
    LabelSet out = manyLabels;
    if (matching.cardinality() == Cardinality.ONE_TO_ONE) {
      out =
          matching.on()
              ? out.keep(matchingLabels::contains)
              : out.keep(n -> !matchingLabels.contains(n));
    }
    for (String name : matching.include()) {
      String v = oneLabels.get(name);
      if (v != null && !v.isEmpty()) {
        if (!v.equals(out.get(name))) {
          out = out.with(name, v);
        }
      } else if (out.has(name)) {
        out = out.with(name, null);
      }
    }
    return out;
  }

  @Override
  public void close() {
    try {
      lhs.close();
    } finally {
      rhs.close();
    }
  }
}
