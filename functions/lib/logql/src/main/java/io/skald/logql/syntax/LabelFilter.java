package io.skald.logql.syntax;

/** A label filter expression after {@code |} (and after {@code | unwrap}). */
public sealed interface LabelFilter
    permits StringLabelFilter,
        NumericLabelFilter,
        DurationLabelFilter,
        BytesLabelFilter,
        IpLabelFilter,
        AndLabelFilter,
        OrLabelFilter {
  @Override
  String toString();
}
