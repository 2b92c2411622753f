package io.skald.bus;

/** Where a record was durably stored. */
public record RecordPosition(String topic, int partition, long offset) {}
