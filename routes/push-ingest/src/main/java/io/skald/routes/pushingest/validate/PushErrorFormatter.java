package io.skald.routes.pushingest.validate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loki's grouping of validation errors ({@code util.GroupedErrors}): identical messages are
 * counted; a lone message is printed as is, otherwise every group reads {@code N errors like:
 * <msg>}, groups joined by {@code "; "}. Loki iterates a Go map, so its group order is random; we
 * keep first-occurrence order.
 */
public final class PushErrorFormatter {
  private PushErrorFormatter() {}

  /** The grouped text, without trailing newline; {@code null} for no messages. */
  public static String group(List<String> messages) {
    if (messages.isEmpty()) {
      return null;
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String m : messages) {
      counts.merge(m, 1, Integer::sum);
    }
    StringBuilder b = new StringBuilder();
    boolean several = counts.size() > 1;
    int idx = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (idx++ != 0) {
        b.append("; ");
      }
      if (several || e.getValue() > 1) {
        b.append(e.getValue()).append(" errors like: ");
      }
      b.append(e.getKey());
    }
    return b.toString();
  }

  /** The HTTP body for an error text: Go's {@code http.Error} appends a newline. */
  public static String httpBody(String message) {
    return message + "\n";
  }
}
