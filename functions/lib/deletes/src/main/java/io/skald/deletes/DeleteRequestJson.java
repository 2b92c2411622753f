package io.skald.deletes;

import java.math.BigDecimal;
import java.util.List;

/**
 * The body of {@code GET /loki/api/v1/delete} byte for byte as Loki's Go encoder writes it: one
 * object per request (pieces merged), fields in Loki's order, times as Prometheus {@code
 * model.Time} (seconds with the shortest fraction), {@code user_id} blanked, HTML characters
 * escaped, and a trailing newline.
 */
public final class DeleteRequestJson {

  private DeleteRequestJson() {}

  /**
   * @param nullWhenEmpty Loki answers {@code null} for a tenant without requests, but {@code []}
   *     when {@code start} and {@code end} filtered the list (its filter allocates a slice)
   */
  public static String encode(List<DeleteRequest> requests, boolean nullWhenEmpty) {
    if (requests.isEmpty()) {
      return nullWhenEmpty ? "null\n" : "[]\n";
    }
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < requests.size(); i++) {
      DeleteRequest r = requests.get(i);
      if (i > 0) {
        sb.append(',');
      }
      sb.append("{\"request_id\":");
      string(sb, r.requestId());
      sb.append(",\"start_time\":").append(seconds(r.startNanos() / 1_000_000L));
      sb.append(",\"end_time\":").append(seconds(r.endNanos() / 1_000_000L));
      sb.append(",\"query\":");
      string(sb, r.query());
      sb.append(",\"status\":");
      string(sb, r.status());
      sb.append(",\"created_at\":").append(seconds(r.createdAt().toEpochMilli()));
      sb.append(",\"user_id\":\"\"}");
    }
    return sb.append("]\n").toString();
  }

  /** Milliseconds as seconds with the shortest exact fraction, e.g. 1700000000.5. */
  static String seconds(long millis) {
    BigDecimal s = BigDecimal.valueOf(millis).movePointLeft(3).stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
  }

  /** A JSON string as Go's encoding/json writes it with HTML escaping on (the default). */
  static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '<', '>', '&', '\u2028', '\u2029' -> sb.append(String.format("\\u%04x", (int) c));
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else if (Character.isSurrogate(c) && !validPair(s, i)) {
            sb.append("\\ufffd");
          } else {
            sb.append(c);
            if (Character.isHighSurrogate(c)) {
              sb.append(s.charAt(++i));
            }
          }
        }
      }
    }
    sb.append('"');
  }

  private static boolean validPair(String s, int i) {
    return Character.isHighSurrogate(s.charAt(i))
        && i + 1 < s.length()
        && Character.isLowSurrogate(s.charAt(i + 1));
  }
}
