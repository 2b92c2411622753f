package io.skald.logql.engine;

/**
 * Where the engine gets samples from: the querier implements it over storage.
 *
 * <p>The engine calls {@link #select} once per range aggregation of the query (a binary operation
 * over two range aggregations selects twice), after it has compiled every extractor of the query,
 * and closes every iterator it got when the evaluation ends.
 *
 * <p>Contract for an implementation:
 *
 * <ol>
 *   <li>Find the streams matching {@link SampleSelection#matchers()} (and the tenant, which the
 *       engine does not know).
 *   <li>For each stream call {@code selection.extractor().forStream(streamLabels)} once, and run
 *       every entry with {@code selection.startNanos() <= ts < selection.endNanos()} through {@code
 *       process(ts, line, off, len, structuredMetadata)}; keep the samples whose {@code keep()} is
 *       true, with their {@code value()} and {@code labels()} (labels may include {@code
 *       __error__}: pass them on, the engine fails the query as Loki does). {@link
 *       SampleIterators#extract} does this for one stream's entry cursor.
 *   <li>Return the samples in ascending timestamp order over all streams. {@link
 *       SampleIterators#merge} merges per-stream iterators that are each in order. The engine
 *       throws {@link IllegalStateException} when it sees a timestamp go backwards.
 *   <li>Deduplicate entries stored more than once (replicas, overlapping segments) before they
 *       reach the engine, as Loki's iterators do; the engine counts every sample it gets.
 * </ol>
 *
 * Returning samples outside the selected range is harmless (the engine's windows are exact);
 * missing samples inside it are not.
 */
@FunctionalInterface
public interface SampleSource {

  SampleIterator select(SampleSelection selection);
}
