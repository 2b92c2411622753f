package io.skald.logql.log.template;

/** A parse or execution error, with Go's text/template message. */
public final class TemplateException extends RuntimeException {
  public TemplateException(String message) {
    super(message, null, false, false);
  }
}
