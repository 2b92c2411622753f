package io.skald.logql.engine;

/** One value of a series at a step, the timestamp in Unix milliseconds. */
public record Point(long timestampMs, double value) {
  @Override
  public boolean equals(Object o) {
    // Bitwise double comparison so that NaN points compare equal in tests.
    return o instanceof Point p
        && p.timestampMs == timestampMs
        && Double.doubleToLongBits(p.value) == Double.doubleToLongBits(value);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(timestampMs) * 31 + Double.hashCode(value);
  }

  @Override
  public String toString() {
    return "["
        + MetricJson.formatTimestamp(timestampMs)
        + ","
        + MetricJson.formatValue(value)
        + "]";
  }
}
