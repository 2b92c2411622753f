package io.skald.querier.engine;

import io.skald.segment.StreamInfo;
import java.util.SortedMap;

/** One stream inside one segment object, as the index lists it. */
public record StoredStream(String segmentKey, StreamInfo info, SortedMap<String, String> labels) {}
