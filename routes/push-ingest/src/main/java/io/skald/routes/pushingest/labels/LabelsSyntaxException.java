package io.skald.routes.pushingest.labels;

/**
 * The stream selector text is not a valid Prometheus series description. The message follows the
 * Prometheus parser ({@code <line>:<col>: parse error: <detail>}).
 */
public final class LabelsSyntaxException extends Exception {
  private static final long serialVersionUID = 1L;

  public LabelsSyntaxException(String message) {
    super(message, null, false, false);
  }
}
