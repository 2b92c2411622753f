package io.skald.logql.log;

import io.skald.logql.log.template.Template;
import io.skald.logql.log.template.TemplateData;
import io.skald.logql.log.template.TemplateException;
import java.nio.charset.StandardCharsets;

/**
 * {@code | line_format "{{.a}} {{.b | ToUpper}}"}: replaces the line with the rendered Go template;
 * all labels (and {@code __error__}) are fields, {@code __line__} and {@code __timestamp__} give
 * the current line and time. An execution error keeps the line and sets {@code
 * __error__=TemplateFormatErr}. {@code {{.name}}} alone is a plain lookup, as in Loki.
 */
final class LineFormatter implements Stage {
  static final String ERROR = "TemplateFormatErr";
  private static final byte[] EMPTY = new byte[0];

  private final Template template;
  private final String simpleField;

  private LineFormatter(Template template) {
    this.template = template;
    this.simpleField = template.simpleField();
  }

  /**
   * @throws IllegalArgumentException {@code invalid line template: template: line:1: ...}
   */
  static LineFormatter compile(String text) {
    try {
      return new LineFormatter(Template.parse("line", text));
    } catch (TemplateException e) {
      throw new IllegalArgumentException("invalid line template: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean process(long timestampNanos, LineBuffer line, LabelsBuilder labels) {
    String out;
    if (simpleField != null) {
      out = labels.get(simpleField);
      if (out == null) {
        line.set(EMPTY, 0, 0);
        return true;
      }
    } else {
      try {
        TemplateData data = labels::get;
        out = template.execute(data, line::asString, timestampNanos);
      } catch (TemplateException e) {
        labels.setError(ERROR, e.getMessage());
        return true;
      }
    }
    byte[] b = out.getBytes(StandardCharsets.UTF_8);
    line.set(b, 0, b.length);
    return true;
  }
}
