package io.skald.logql.syntax;

import java.util.List;

/** {@code | unwrap [bytes|duration|duration_seconds](label)} plus the label filters after it. */
public record UnwrapExpr(String label, Conversion conversion, List<LabelFilter> postFilters) {
  /** How the label value becomes a sample value. */
  public enum Conversion {
    NONE(""),
    BYTES("bytes"),
    DURATION("duration"),
    DURATION_SECONDS("duration_seconds");

    private final String keyword;

    Conversion(String keyword) {
      this.keyword = keyword;
    }

    public String keyword() {
      return keyword;
    }
  }

  public UnwrapExpr {
    postFilters = List.copyOf(postFilters);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("| unwrap ");
    if (conversion == Conversion.NONE) {
      sb.append(label);
    } else {
      sb.append(conversion.keyword()).append('(').append(label).append(')');
    }
    for (LabelFilter f : postFilters) {
      sb.append(" | ").append(f);
    }
    return sb.toString();
  }
}
