package io.skald.logql.syntax;

import io.skald.labels.Matcher;
import java.util.List;
import java.util.stream.Collectors;

/** The {@code {...}} stream selector. */
public record StreamSelector(List<Matcher> matchers) {
  static final String EMPTY_COMPATIBLE_ERROR =
      "queries require at least one regexp or equality matcher that does not "
          + "have an empty-compatible value. For instance, app=~\".*\" does not meet this requirement, but app=~\".+\" will";

  public StreamSelector {
    matchers = List.copyOf(matchers);
  }

  /**
   * Loki refuses selectors that would scan every stream: at least one matcher must not match the
   * empty string.
   */
  public void validate() throws ParseException {
    for (Matcher m : matchers) {
      if (!m.matchesEmpty()) {
        return;
      }
    }
    throw new ParseException(EMPTY_COMPATIBLE_ERROR);
  }

  @Override
  public String toString() {
    return matchers.stream().map(Matcher::toString).collect(Collectors.joining(", ", "{", "}"));
  }
}
