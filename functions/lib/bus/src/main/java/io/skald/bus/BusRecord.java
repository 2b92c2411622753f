package io.skald.bus;

/**
 * A record read from the bus. Key and value are the producer's bytes (key may be null); the arrays
 * belong to the caller and are not copied again.
 */
public record BusRecord(
    String topic, int partition, long offset, byte[] key, byte[] value, long timestampMillis) {

  /** The position to commit once this record is fully processed. */
  public long nextOffset() {
    return offset + 1;
  }

  @Override
  public String toString() {
    return "BusRecord["
        + topic
        + "/"
        + partition
        + "@"
        + offset
        + ", key "
        + (key == null ? "null" : key.length + " B")
        + ", value "
        + (value == null ? "null" : value.length + " B")
        + ", ts "
        + timestampMillis
        + "]";
  }
}
