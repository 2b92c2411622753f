package io.skald.app;

import io.skald.gocompat.GoDuration;
import io.skald.gocompat.PromDuration;
import io.skald.limits.Limits;
import io.skald.limits.RetentionStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns configuration maps into retention limits: {@code retention-stream} entries {@code
 * {selector, priority, period}} and a tenant's {@code skald.overrides.<tenant>.retention-period} /
 * {@code retention-stream}. Periods are Go/Prometheus durations ({@code 168h}, {@code 7d}, {@code
 * 2w}).
 */
final class RetentionStreamBinding {

  private RetentionStreamBinding() {}

  static List<RetentionStream> rules(List<?> entries) {
    List<RetentionStream> out = new ArrayList<>();
    for (Object e : entries) {
      if (!(e instanceof Map<?, ?> m)) {
        throw new IllegalArgumentException(
            "retention-stream entries need selector, priority and period: " + e);
      }
      Object selector = m.get("selector");
      Object priority = m.get("priority");
      Object period = m.get("period");
      if (selector == null || period == null) {
        throw new IllegalArgumentException(
            "retention-stream entries need selector and period: " + m);
      }
      out.add(
          new RetentionStream(
              selector.toString(),
              priority == null ? 0 : Integer.parseInt(priority.toString()),
              duration(period)));
    }
    return out;
  }

  /**
   * Tenant → the global limits with its retention overrides applied; tenants setting neither field
   * are left out. A tenant's {@code retention-stream}, even empty, replaces the global rules.
   */
  static Map<String, Limits> overrides(Map<String, Object> byTenant, Limits global) {
    Map<String, Limits> out = new LinkedHashMap<>();
    if (byTenant == null) {
      return out;
    }
    byTenant.forEach(
        (tenant, value) -> {
          if (!(value instanceof Map<?, ?> limits)) {
            return;
          }
          Object period = field(limits, "retention-period", "retentionPeriod");
          Object stream = field(limits, "retention-stream", "retentionStream");
          if (period != null || stream != null) {
            Limits.Builder b = global.toBuilder();
            if (period != null) {
              b.retentionPeriod(duration(period));
            }
            if (stream != null) {
              b.retentionStream(rules(list(stream)));
            }
            out.put(tenant, b.build());
          }
        });
    return out;
  }

  /** Lists come as lists, or as maps keyed by index when set as {@code name[0].x=...} flags. */
  private static List<?> list(Object o) {
    if (o instanceof List<?> l) {
      return l;
    }
    if (o instanceof Map<?, ?> m) {
      return new ArrayList<>(m.values());
    }
    throw new IllegalArgumentException("not a list: " + o);
  }

  private static Object field(Map<?, ?> m, String kebab, String camel) {
    return m.containsKey(kebab) ? m.get(kebab) : m.get(camel);
  }

  static Duration duration(Object o) {
    if (o instanceof Duration d) {
      return d;
    }
    String s = o.toString().trim();
    try {
      return PromDuration.parse(s); // Loki's limits are Prometheus durations: 30d, 2w, 1d12h
    } catch (IllegalArgumentException e) {
      return GoDuration.parse(s);
    }
  }
}
