package io.skald.logql.log;

import io.skald.logql.log.template.Template;
import io.skald.logql.log.template.TemplateData;
import io.skald.logql.log.template.TemplateException;
import io.skald.logql.syntax.LabelFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code | label_format dst=src, dst2="{{.a}}-{{.b}}"}: a rename moves the value to dst and drops
 * src; a template sets dst and keeps its inputs. As in Loki, templates see the labels as they were
 * when the stage's first template ran, and an execution error sets {@code
 * __error__=TemplateFormatErr} for that label only.
 */
final class LabelsFormatter implements Stage {
  private final LabelFormat[] formats;

  /** templates[i] is null for renames. */
  private final Template[] templates;

  private final int templateCount;

  private LabelsFormatter(LabelFormat[] formats, Template[] templates, int templateCount) {
    this.formats = formats;
    this.templates = templates;
    this.templateCount = templateCount;
  }

  /**
   * @throws IllegalArgumentException for a repeated or reserved name, or an invalid template
   */
  static LabelsFormatter compile(List<LabelFormat> formats) {
    Set<String> names = new HashSet<>();
    LabelFormat[] fs = formats.toArray(new LabelFormat[0]);
    Template[] ts = new Template[fs.length];
    int count = 0;
    for (int i = 0; i < fs.length; i++) {
      LabelFormat f = fs[i];
      if (f.name().equals(LabelsBuilder.ERROR_LABEL)) {
        throw new IllegalArgumentException(f.name() + " cannot be formatted");
      }
      if (!names.add(f.name())) {
        throw new IllegalArgumentException(
            "multiple label name '" + f.name() + "' not allowed in a single format operation");
      }
      if (!f.rename()) {
        try {
          ts[i] = Template.parse("label", f.value());
        } catch (TemplateException e) {
          throw new IllegalArgumentException(
              "invalid template for label '" + f.name() + "': " + e.getMessage(), e);
        }
        count++;
      }
    }
    return new LabelsFormatter(fs, ts, count);
  }

  @Override
  public boolean process(long timestampNanos, LineBuffer line, LabelsBuilder labels) {
    TemplateData data = null;
    for (int i = 0; i < formats.length; i++) {
      LabelFormat f = formats[i];
      if (templates[i] == null) {
        String v = labels.get(f.value());
        if (v != null) {
          labels.set(LabelCategory.PARSED, f.name(), v);
          labels.delete(f.value());
        }
        continue;
      }
      if (data == null) {
        // With one template the live labels equal the snapshot; skip building it.
        data = templateCount == 1 ? labels::get : labels.labels()::get;
      }
      try {
        labels.set(
            LabelCategory.PARSED,
            f.name(),
            templates[i].execute(data, line::asString, timestampNanos));
      } catch (TemplateException e) {
        labels.setError(LineFormatter.ERROR, e.getMessage());
      }
    }
    return true;
  }
}
