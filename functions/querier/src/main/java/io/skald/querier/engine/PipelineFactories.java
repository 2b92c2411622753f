package io.skald.querier.engine;

import io.skald.logql.log.Label;
import io.skald.logql.log.Labels;
import io.skald.logql.log.Pipeline;
import io.skald.logql.log.PipelineResult;
import io.skald.logql.log.StreamPipeline;
import io.skald.logql.syntax.ParseException;
import io.skald.logql.syntax.StageExpr;
import io.skald.querier.params.BadRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** Binds a compiled LogQL pipeline to the engine's per-stream {@link EntryPipeline}. */
public final class PipelineFactories {

  private PipelineFactories() {}

  /** @throws BadRequestException when a stage cannot be compiled (bad regex, pattern, ip) */
  public static EntryPipeline.Factory of(List<StageExpr> stages) {
    Pipeline pipeline;
    try {
      pipeline = Pipeline.compile(stages);
    } catch (ParseException e) {
      throw new BadRequestException(e.getMessage());
    } catch (UnsupportedOperationException e) {
      throw new BadRequestException("not supported by this Skald version yet: " + e.getMessage());
    }
    return streamLabels -> new Bound(pipeline.forStream(Labels.of(streamLabels)));
  }

  private static final class Bound implements EntryPipeline {
    private final StreamPipeline pipeline;
    private Labels lastLabels;
    private Output lastShape;

    Bound(StreamPipeline pipeline) {
      this.pipeline = pipeline;
    }

    @Override
    public Output process(long ts, byte[] buf, int off, int len, List<io.skald.segment.Label> metadata) {
      PipelineResult r = pipeline.process(ts, buf, off, len, convert(metadata));
      if (!r.keep()) {
        return null;
      }
      Labels labels = r.labels();
      // Most entries of a stream share one final label set: build its map and text once.
      if (!labels.equals(lastLabels)) {
        SortedMap<String, String> map = new TreeMap<>();
        for (Label l : labels.asList()) {
          map.put(l.name(), l.value());
        }
        lastLabels = labels;
        lastShape = new Output(java.util.Collections.unmodifiableSortedMap(map), LabelSet.print(map), null);
      }
      return new Output(lastShape.labels(), lastShape.labelsText(), r.lineAsString());
    }

    private static List<Label> convert(List<io.skald.segment.Label> metadata) {
      if (metadata.isEmpty()) {
        return List.of();
      }
      List<Label> out = new ArrayList<>(metadata.size());
      for (io.skald.segment.Label l : metadata) {
        out.add(new Label(l.name(), l.value()));
      }
      return out;
    }
  }
}
