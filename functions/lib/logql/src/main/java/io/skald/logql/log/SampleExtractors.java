package io.skald.logql.log;

import io.skald.labels.Label;
import io.skald.labels.LabelSet;
import io.skald.logql.log.template.GoConversions;
import io.skald.logql.syntax.Grouping;
import io.skald.logql.syntax.LogRangeExpr;
import io.skald.logql.syntax.ParseException;
import io.skald.logql.syntax.RangeAggregationExpr;
import io.skald.logql.syntax.RangeOp;
import io.skald.logql.syntax.UnwrapExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Builds {@link SampleExtractor}s: a pipeline, then a line or unwrap extraction, then grouping. */
final class SampleExtractors {
  static final String ERROR = "SampleExtractionErr";

  private SampleExtractors() {}

  static SampleExtractor compile(RangeAggregationExpr expr, Grouping override)
      throws ParseException {
    LogRangeExpr range = expr.range();
    Pipeline pipeline = Pipeline.compile(range.left().pipeline());
    Grouping g = override != null ? override : expr.grouping();
    List<String> groups = g == null ? List.of() : g.labels();
    boolean without = g != null && g.without();
    // "by ()" and absent_over_time produce one series with no labels.
    boolean noLabels =
        (g != null && !g.without() && g.labels().isEmpty())
            || expr.op() == RangeOp.ABSENT_OVER_TIME;
    UnwrapExpr unwrap = range.unwrap();
    if (unwrap == null) {
      boolean bytes = expr.op() == RangeOp.BYTES_RATE || expr.op() == RangeOp.BYTES_OVER_TIME;
      Grouper grouper = new Grouper(groups, without, noLabels);
      return streamLabels ->
          new LineExtractor(pipeline.forStream(streamLabels), bytes, grouper.copy());
    }
    if (groups.isEmpty() || without) {
      // The unwrapped label is the value; keeping it as a label would split every series.
      List<String> withLabel = new ArrayList<>(groups);
      withLabel.add(unwrap.label());
      groups = withLabel;
      without = true;
    }
    Stage post;
    try {
      post = LabelFilters.compileAll(unwrap.postFilters());
    } catch (IllegalArgumentException e) {
      throw new ParseException("stage '" + unwrap + "' : " + e.getMessage());
    }
    ToDoubleFunction<String> conversion =
        switch (unwrap.conversion()) {
          case NONE -> GoConversions::parseFloat;
          case BYTES -> GoConversions::parseBytes;
          case DURATION, DURATION_SECONDS -> GoConversions::parseDurationSeconds;
        };
    Grouper grouper = new Grouper(groups, without, noLabels);
    return streamLabels ->
        new UnwrapExtractor(
            pipeline.forStream(streamLabels),
            unwrap.label(),
            conversion,
            post == null ? null : post.forStream(),
            grouper.copy());
  }

  /** Count and bytes extraction: the value comes from the line. */
  private static final class LineExtractor implements StreamSampleExtractor {
    private final StreamPipeline pipeline;
    private final boolean bytes;
    private final Grouper grouper;
    private final ExtractedSample sample = new ExtractedSample();

    LineExtractor(StreamPipeline pipeline, boolean bytes, Grouper grouper) {
      this.pipeline = pipeline;
      this.bytes = bytes;
      this.grouper = grouper;
    }

    @Override
    public ExtractedSample process(long ts, byte[] line, int off, int len, List<Label> sm) {
      PipelineResult r = pipeline.process(ts, line, off, len, sm);
      if (!r.keep()) {
        return sample.drop();
      }
      return sample.set(true, bytes ? r.lineLength() : 1, grouper.group(r.builder()));
    }
  }

  /** {@code | unwrap}: the value comes from a label, then the post filters run. */
  private static final class UnwrapExtractor implements StreamSampleExtractor {
    private final StreamPipeline pipeline;
    private final String label;
    private final ToDoubleFunction<String> conversion;
    private final Stage post;
    private final Grouper grouper;
    private final ExtractedSample sample = new ExtractedSample();

    UnwrapExtractor(
        StreamPipeline pipeline,
        String label,
        ToDoubleFunction<String> conversion,
        Stage post,
        Grouper grouper) {
      this.pipeline = pipeline;
      this.label = label;
      this.conversion = conversion;
      this.post = post;
      this.grouper = grouper;
    }

    @Override
    public ExtractedSample process(long ts, byte[] line, int off, int len, List<Label> sm) {
      PipelineResult r = pipeline.process(ts, line, off, len, sm);
      if (!r.keep()) {
        return sample.drop();
      }
      LabelsBuilder b = r.builder();
      String v = b.get(label);
      if (v == null || v.isEmpty()) {
        // An entry without the label yields no sample rather than an error (Loki #6713).
        return sample.drop();
      }
      double value = 0;
      try {
        value = conversion.applyAsDouble(v);
      } catch (IllegalArgumentException e) {
        b.setError(ERROR, e.getMessage());
      }
      if (post != null && !post.process(ts, r.line(), b)) {
        return sample.drop();
      }
      return sample.set(true, value, grouper.group(b));
    }
  }

  /**
   * Reduces final labels to a range aggregation's grouping. Entries with an error keep all their
   * labels so the error reaches the engine. Caches the last input: consecutive entries of a stream
   * usually share one label set instance.
   */
  static final class Grouper {
    private final List<String> groups;
    private final boolean without;
    private final boolean noLabels;
    private LabelSet lastIn;
    private LabelSet lastOut;

    Grouper(List<String> groups, boolean without, boolean noLabels) {
      this.groups = List.copyOf(groups);
      this.without = without;
      this.noLabels = noLabels;
    }

    Grouper copy() {
      return new Grouper(groups, without, noLabels);
    }

    LabelSet group(LabelsBuilder b) {
      LabelSet all = b.labels();
      if (b.hasError() || (groups.isEmpty() && !noLabels)) {
        return all;
      }
      if (noLabels) {
        return LabelSet.EMPTY;
      }
      if (all == lastIn) {
        return lastOut;
      }
      List<Label> out = new ArrayList<>(all.size());
      for (int i = 0; i < all.size(); i++) {
        Label l = all.get(i);
        if (groups.contains(l.name()) != without) {
          out.add(l);
        }
      }
      LabelSet result = out.isEmpty() ? LabelSet.EMPTY : LabelSet.of(out);
      if (result.equals(lastOut)) {
        result = lastOut;
      }
      lastIn = all;
      lastOut = result;
      return result;
    }
  }
}
