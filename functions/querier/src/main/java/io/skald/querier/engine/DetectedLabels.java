package io.skald.querier.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.regex.Pattern;

/**
 * Which stream labels Logs Drilldown offers for breakdowns: every label except those whose values
 * are all IDs (numbers or UUIDs — useless to group by), while {@code 0}/{@code 1} count as booleans
 * and a few infrastructure labels are always kept. Mirrors Loki's rule.
 */
public final class DetectedLabels {

  private static final Set<String> STATIC = Set.of("cluster", "namespace", "instance", "pod");
  private static final Pattern UUID =
      Pattern.compile(
          "(?i)(urn:uuid:)?\\{?[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}}?");

  private DetectedLabels() {}

  /** Label name → cardinality, for the labels to offer. */
  public static Map<String, Integer> select(SortedMap<String, Set<String>> valuesByLabel) {
    Map<String, Integer> out = new LinkedHashMap<>();
    valuesByLabel.forEach(
        (label, values) -> {
          if ((STATIC.contains(label) && !values.isEmpty()) || !reject(values)) {
            out.put(label, values.size());
          }
        });
    return out;
  }

  static boolean reject(Set<String> values) {
    if (values.isEmpty()) {
      return true;
    }
    if (values.size() <= 2 && values.stream().allMatch(v -> v.equals("0") || v.equals("1"))) {
      return false;
    }
    return values.stream().allMatch(DetectedLabels::isId);
  }

  private static boolean isId(String v) {
    try {
      Double.parseDouble(v);
      return !v.endsWith("d") && !v.endsWith("f") && !v.endsWith("D") && !v.endsWith("F");
    } catch (NumberFormatException e) {
      return UUID.matcher(v).matches();
    }
  }
}
