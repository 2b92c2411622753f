package io.skald.querier.engine;

import io.skald.labels.Label;
import io.skald.labels.LabelSet;
import io.skald.logql.engine.SampleIterator;
import io.skald.logql.engine.SampleIterators;
import io.skald.logql.engine.SampleSelection;
import io.skald.logql.engine.SampleSource;
import io.skald.querier.params.TimeRange;
import io.skald.segment.StoredEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * Feeds the metric engine from storage: each matching stream's entries as the store read path gives
 * them ({@link StoreRead#entries}: in time order, deletes hidden, exact duplicates dropped), run
 * through the engine's extractor.
 */
public final class StoredSampleSource implements SampleSource {

  private final StoreReader reader;
  private final String tenant;
  private final QueryStats stats;

  public StoredSampleSource(StoreReader reader, String tenant, QueryStats stats) {
    this.reader = reader;
    this.tenant = tenant;
    this.stats = stats;
  }

  @Override
  public SampleIterator select(SampleSelection sel) {
    StoreRead read =
        reader.read(tenant, new TimeRange(sel.startNanos(), sel.endNanos()), sel.matchers(), stats);
    List<SampleIterator> iterators = new ArrayList<>(read.selection().streams().size());
    for (Selection.Stream s : read.selection().streams()) {
      // Each stream is read to the end before evaluation starts, so reads, their failures and the
      // stats all happen here. The merge could feed the extractor directly (it fetches blocks as
      // entries are consumed) and hold one block's entries per stream instead of whole streams.
      List<StoredEntry> entries = read.entries(s).toList();
      if (!entries.isEmpty()) {
        iterators.add(
            SampleIterators.extract(
                new ListCursor(entries),
                sel.extractor().forStream(LabelSet.of(s.labels())),
                sel.startNanos(),
                sel.endNanos()));
      }
    }
    return SampleIterators.merge(iterators);
  }

  /** The engine's view of a stream's entries. */
  private static final class ListCursor implements SampleIterators.EntryCursor {
    private final List<StoredEntry> entries;
    private int i = -1;

    ListCursor(List<StoredEntry> entries) {
      this.entries = entries;
    }

    @Override
    public boolean next() {
      return ++i < entries.size();
    }

    @Override
    public long timestampNanos() {
      return entries.get(i).timestampNanos();
    }

    @Override
    public byte[] lineArray() {
      return entries.get(i).line();
    }

    @Override
    public int lineOffset() {
      return 0;
    }

    @Override
    public int lineLength() {
      return entries.get(i).line().length;
    }

    @Override
    public List<Label> structuredMetadata() {
      return entries.get(i).metadata();
    }
  }
}
