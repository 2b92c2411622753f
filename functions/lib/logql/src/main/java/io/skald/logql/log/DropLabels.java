package io.skald.logql.log;

import io.skald.logql.syntax.NamedMatcher;
import java.util.List;

/**
 * {@code | drop a, b="v", c=~"re"}: removes the named labels, or those whose value matches; {@code
 * __error__} and {@code __error_details__} can be dropped too. A missing label is matched as "".
 */
final class DropLabels implements Stage {
  private final NamedMatcher[] entries;

  DropLabels(List<NamedMatcher> entries) {
    this.entries = entries.toArray(new NamedMatcher[0]);
  }

  @Override
  public boolean process(long timestampNanos, LineBuffer line, LabelsBuilder labels) {
    for (NamedMatcher e : entries) {
      if (e.matcher() == null) {
        labels.delete(e.name());
        continue;
      }
      String v = labels.get(e.name());
      if (e.matcher().matches(v == null ? "" : v)) {
        labels.delete(e.name());
      }
    }
    return true;
  }
}
