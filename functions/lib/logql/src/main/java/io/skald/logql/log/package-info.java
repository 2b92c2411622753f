/**
 * LogQL runtime: {@link io.skald.logql.log.Pipeline} compiled from syntax stages, one {@link
 * io.skald.logql.log.Stage} class per stage keyword, working on borrowed line bytes ({@link
 * io.skald.logql.log.LineBuffer}) and a per-stream {@link io.skald.logql.log.LabelsBuilder} so that
 * lines which are only filtered cost no allocation. {@link io.skald.logql.log.SampleExtractor}
 * turns a range aggregation's entries into samples for the metric engine.
 */
package io.skald.logql.log;
