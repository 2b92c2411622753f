package io.skald.labels;

/**
 * Label text is not a valid Prometheus series description. The message follows the Prometheus
 * parser: {@code <line>:<col>: parse error: <detail>}.
 */
public final class LabelSyntaxException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public LabelSyntaxException(String message) {
    super(message);
  }
}
