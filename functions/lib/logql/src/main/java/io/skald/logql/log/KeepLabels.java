package io.skald.logql.log;

import io.skald.logql.syntax.NamedMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code | keep a, b="v"}: removes every label not listed (or whose value does not match); {@code
 * __error__} and {@code __error_details__} are always kept.
 */
final class KeepLabels implements Stage {
  private final NamedMatcher[] entries;
  private final List<String> doomed = new ArrayList<>();

  KeepLabels(List<NamedMatcher> entries) {
    this.entries = entries.toArray(new NamedMatcher[0]);
  }

  @Override
  public boolean process(long timestampNanos, LineBuffer line, LabelsBuilder labels) {
    if (entries.length == 0) {
      return true;
    }
    doomed.clear();
    labels.forEach(
        (name, value) -> {
          if (!keeps(name, value)) {
            doomed.add(name);
          }
        });
    for (int i = 0; i < doomed.size(); i++) {
      labels.delete(doomed.get(i));
    }
    return true;
  }

  private boolean keeps(String name, String value) {
    for (NamedMatcher e : entries) {
      if (e.name().equals(name) && (e.matcher() == null || e.matcher().matches(value))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Stage forStream() {
    return new KeepLabels(List.of(entries));
  }
}
