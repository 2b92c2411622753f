package io.skald.logql.log;

import io.skald.labels.Label;
import io.skald.labels.LabelSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Compact label notation for table-driven tests: {@code "a=1,b=2"} (a comma splits only before
 * {@code name=}), "{}" or null for none.
 */
final class Fixtures {
  private Fixtures() {}

  static LabelSet labels(String spec) {
    if (spec == null || spec.equals("{}") || spec.isEmpty()) {
      return LabelSet.EMPTY;
    }
    List<Label> out = new ArrayList<>();
    // "|a=1|b=2" splits on '|' only, for values that contain ",x=".
    String[] pairs =
        spec.startsWith("|")
            ? spec.substring(1).split("\\|")
            : spec.split(",(?=[A-Za-z_][A-Za-z0-9_]*=)");
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      out.add(new Label(pair.substring(0, eq), pair.substring(eq + 1)));
    }
    return LabelSet.of(out);
  }
}
