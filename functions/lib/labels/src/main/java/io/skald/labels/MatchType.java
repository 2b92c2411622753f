package io.skald.labels;

/** Label matcher operators, as in Prometheus. */
public enum MatchType {
  EQ("="),
  NEQ("!="),
  RE("=~"),
  NRE("!~");

  private final String symbol;

  MatchType(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  @Override
  public String toString() {
    return symbol;
  }
}
