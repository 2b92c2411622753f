package io.skald.querier.engine;

/** One result entry; the line is decoded once, when it is known to be returned. */
public record LogEntry(long timestampNanos, String line) {}
