package io.skald.querier.engine;

import io.skald.labels.Label;
import io.skald.labels.LabelSet;
import io.skald.logql.log.Pipeline;
import io.skald.logql.log.PipelineResult;
import io.skald.logql.log.StreamPipeline;
import io.skald.logql.syntax.ParseException;
import io.skald.logql.syntax.StageExpr;
import io.skald.querier.params.BadRequestException;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** Binds a compiled LogQL pipeline to the engine's per-stream {@link EntryPipeline}. */
public final class PipelineFactories {

  private PipelineFactories() {}

  /**
   * @throws BadRequestException when a stage cannot be compiled (bad regex, pattern, ip)
   */
  public static EntryPipeline.Factory of(List<StageExpr> stages) {
    return of(stages, false);
  }

  /**
   * @param categorize name result streams by stream labels only and keep metadata/parsed per entry
   */
  public static EntryPipeline.Factory of(List<StageExpr> stages, boolean categorize) {
    Pipeline pipeline;
    try {
      pipeline = Pipeline.compile(stages);
    } catch (ParseException e) {
      throw new BadRequestException(e.getMessage());
    }
    return streamLabels -> new Bound(pipeline.forStream(LabelSet.of(streamLabels)), categorize);
  }

  private static final class Bound implements EntryPipeline {
    private final StreamPipeline pipeline;
    private final boolean categorize;
    private LabelSet lastLabels;
    private Output lastShape;

    Bound(StreamPipeline pipeline, boolean categorize) {
      this.pipeline = pipeline;
      this.categorize = categorize;
    }

    @Override
    public Output process(long ts, byte[] buf, int off, int len, List<Label> metadata) {
      PipelineResult r = pipeline.process(ts, buf, off, len, metadata);
      if (!r.keep()) {
        return null;
      }
      LabelSet labels = r.labels();
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
        lastShape =
            new Output(
                java.util.Collections.unmodifiableSortedMap(map),
                labels.toString(),
                null,
                null,
                null);
      }
      return new Output(lastShape.labels(), lastShape.labelsText(), r.lineAsString(), null, null);
    }

    private Output categorized(PipelineResult r, LabelSet labels) {
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
      return new Output(stream, LabelSet.of(stream).toString(), r.lineAsString(), metadata, parsed);
    }
  }
}
