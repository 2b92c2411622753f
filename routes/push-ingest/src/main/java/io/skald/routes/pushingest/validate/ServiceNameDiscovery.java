package io.skald.routes.pushingest.validate;

import io.skald.gocompat.Utf8;
import io.skald.labels.Label;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds {@code service_name} to a stream that lacks one (Loki {@code discover_service_name}): the
 * value of the first label of the configured list that the stream has, else {@code
 * unknown_service}. Internal streams ({@code __aggregated_metric__}, {@code __pattern__}) and an
 * empty list leave the labels alone.
 */
public final class ServiceNameDiscovery {
  public static final String SERVICE_NAME = "service_name";
  public static final String UNKNOWN_SERVICE = "unknown_service";
  public static final String AGGREGATED_METRIC_LABEL = "__aggregated_metric__";
  public static final String PATTERN_LABEL = "__pattern__";

  private final List<String> sourceLabels;

  public ServiceNameDiscovery(List<String> sourceLabels) {
    this.sourceLabels = List.copyOf(sourceLabels);
  }

  /** True for Loki's internal streams, which skip discovery and label validation. */
  public static boolean isInternalStream(List<Label> labels) {
    return get(labels, AGGREGATED_METRIC_LABEL) != null || get(labels, PATTERN_LABEL) != null;
  }

  /**
   * @param labels sorted labels without empty values
   * @return the labels, sorted, with {@code service_name} added when discovery applies
   */
  public List<Label> apply(List<Label> labels) {
    if (sourceLabels.isEmpty() || get(labels, SERVICE_NAME) != null || isInternalStream(labels)) {
      return labels;
    }
    String serviceName = UNKNOWN_SERVICE;
    for (String name : sourceLabels) {
      String v = get(labels, name);
      if (v != null && !v.isEmpty()) {
        serviceName = v;
        break;
      }
    }
    List<Label> out = new ArrayList<>(labels.size() + 1);
    boolean added = false;
    for (Label l : labels) {
      if (!added && Utf8.compare(SERVICE_NAME, l.name()) < 0) {
        out.add(new Label(SERVICE_NAME, serviceName));
        added = true;
      }
      out.add(l);
    }
    if (!added) {
      out.add(new Label(SERVICE_NAME, serviceName));
    }
    return out;
  }

  /** The first value of {@code name}, or null. */
  static String get(List<Label> labels, String name) {
    for (Label l : labels) {
      if (l.name().equals(name)) {
        return l.value();
      }
    }
    return null;
  }
}
