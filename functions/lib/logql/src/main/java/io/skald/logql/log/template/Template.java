package io.skald.logql.log.template;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A parsed Go text/template with Loki's function set (Go builtins, Loki's own functions, the Sprig
 * subset, {@code __line__} and {@code __timestamp__}) and {@code missingkey=zero}. Immutable and
 * thread-safe; each {@link #execute} uses its own state.
 */
public final class Template {
  private static final Map<String, Func> FUNCTIONS = new HashMap<>();

  static {
    Builtins.register(FUNCTIONS);
    SprigFunctions.register(FUNCTIONS);
    LokiFunctions.register(FUNCTIONS);
  }

  private final String name;
  private final byte[] source;
  private final Node.ListNode root;

  private Template(String name, String text, Node.ListNode root) {
    this.name = name;
    this.source = text.getBytes(StandardCharsets.UTF_8);
    this.root = root;
  }

  /**
   * @param name the name Go error messages use ({@code line} for line_format, {@code label} for
   *     label_format)
   * @throws TemplateException {@code template: <name>:<line>: <reason>}
   */
  public static Template parse(String name, String text) {
    return new Template(name, text, Parser.parse(name, text, FUNCTIONS::containsKey));
  }

  /**
   * Renders the template.
   *
   * @param line the current log line, read only when the template calls {@code __line__}
   * @throws TemplateException with Go's execution error text
   */
  public String execute(TemplateData data, Supplier<String> line, long timestampNanos) {
    StringBuilder out = new StringBuilder(64);
    new Executor(this, out, line, timestampNanos).run(data, root);
    return out.toString();
  }

  /**
   * The label name when the whole template is {@code {{.name}}}, which callers may evaluate as a
   * plain lookup (Loki's fast path); null otherwise.
   */
  public String simpleField() {
    if (root.nodes().size() == 1
        && root.nodes().get(0) instanceof Node.ActionNode a
        && a.pipe().decls().isEmpty()
        && a.pipe().cmds().size() == 1
        && a.pipe().cmds().get(0).args().size() == 1
        && a.pipe().cmds().get(0).args().get(0) instanceof Node.FieldNode f
        && f.idents().size() == 1) {
      return f.idents().get(0);
    }
    return null;
  }

  String name() {
    return name;
  }

  Func function(String fn) {
    return FUNCTIONS.get(fn);
  }

  /** Go's ErrorContext location: {@code name:line:byteInLine}. */
  String location(Node n) {
    int pos = Math.min(n.pos(), source.length);
    int lastNewline = -1;
    int line = 1;
    for (int i = 0; i < pos; i++) {
      if (source[i] == '\n') {
        lastNewline = i;
        line++;
      }
    }
    int col = lastNewline < 0 ? pos : pos - lastNewline - 1;
    return name + ":" + line + ":" + col;
  }
}
