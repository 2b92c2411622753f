package io.skald.logql.syntax;

/** {@code | size > 1.5KiB}; the value is in bytes. */
public record BytesLabelFilter(String name, CompareOp op, long value) implements LabelFilter {
  @Override
  public String toString() {
    return name + op.symbol() + ByteSizes.format(value);
  }
}
