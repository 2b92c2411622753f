package io.skald.logql.log.template;

/**
 * The data a LogQL template sees as dot: the entry's labels, a Go {@code map[string]string}. A
 * missing label reads as "" ({@code missingkey=zero}).
 */
@FunctionalInterface
public interface TemplateData {
  /** The value, or null when absent. */
  String get(String name);
}
