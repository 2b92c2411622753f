package io.skald.querier.engine;

import java.util.List;
import java.util.SortedMap;

/**
 * One stream of a log-query result: its full label set (stream labels, structured metadata and
 * parsed labels, as Loki shows them) and its entries in the requested direction.
 */
public record ResultStream(
    SortedMap<String, String> labels, String labelsText, List<LogEntry> entries) {}
