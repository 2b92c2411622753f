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
    return of(stages, false);
  }

  /** @param categorize name result streams by stream labels only and keep metadata/parsed per entry */
  public static EntryPipeline.Factory of(List<StageExpr> stages, boolean categorize) {
    Pipeline pipeline;
    try {
      pipeline = Pipeline.compile(stages);
    } catch (ParseException e) {
      throw new BadRequestException(e.getMessage());
    }
    return streamLabels -> new Bound(pipeline.forStream(Labels.of(streamLabels)), categorize);
  }

  private static final class Bound implements EntryPipeline {
    private final StreamPipeline pipeline;
    private final boolean categorize;
    private Labels lastLabels;
    private Output lastShape;

    Bound(StreamPipeline pipeline, boolean categorize) {
      this.pipeline = pipeline;
      this.categorize = categorize;
    }

    @Override
    public Output process(long ts, byte[] buf, int off, int len, List<io.skald.segment.Label> metadata) {
      PipelineResult r = pipeline.process(ts, buf, off, len, convert(metadata));
      if (!r.keep()) {
        return null;
      }
      Labels labels = r.labels();
      if (categorize) {
        return categorized(r, labels);
      }
      // Most entries of a stream share one final label set: build its map and text once.
      if (!labels.equals(lastLabels)) {
        SortedMap<String, String> map = new TreeMap<>();
        for (Label l : labels.asList()) {
          map.put(l.name(), l.value());
        }
        lastLabels = labels;
        lastShape = new Output(java.util.Collections.unmodifiableSortedMap(map), LabelSet.print(map), null, null, null);
      }
      return new Output(lastShape.labels(), lastShape.labelsText(), r.lineAsString(), null, null);
    }

    private Output categorized(PipelineResult r, Labels labels) {
      SortedMap<String, String> stream = new TreeMap<>();
      SortedMap<String, String> metadata = new TreeMap<>();
      SortedMap<String, String> parsed = new TreeMap<>();
      for (Label l : labels.asList()) {
        switch (r.categoryOf(l.name())) {
          case STREAM -> stream.put(l.name(), l.value());
          case STRUCTURED_METADATA -> metadata.put(l.name(), l.value());
          case PARSED -> parsed.put(l.name(), l.value());
        }
      }
      return new Output(stream, LabelSet.print(stream), r.lineAsString(), metadata, parsed);
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
