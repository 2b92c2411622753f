package io.skald.logql.engine;

/** An instant query on a literal ({@code 2}, {@code 1+1}). */
public record ScalarResult(long timestampMs, double value) implements MetricResult {
  @Override
  public boolean equals(Object o) {
    return o instanceof ScalarResult s
        && s.timestampMs == timestampMs
        && Double.doubleToLongBits(s.value) == Double.doubleToLongBits(value);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(timestampMs) * 31 + Double.hashCode(value);
  }

  @Override
  public String resultType() {
    return "scalar";
  }
}
