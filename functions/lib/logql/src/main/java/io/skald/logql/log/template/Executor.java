package io.skald.logql.log.template;

import io.skald.logql.log.template.Func.Type;
import io.skald.logql.log.template.Node.ActionNode;
import io.skald.logql.log.template.Node.BoolNode;
import io.skald.logql.log.template.Node.BranchNode;
import io.skald.logql.log.template.Node.BreakNode;
import io.skald.logql.log.template.Node.ChainNode;
import io.skald.logql.log.template.Node.CommandNode;
import io.skald.logql.log.template.Node.ContinueNode;
import io.skald.logql.log.template.Node.DotNode;
import io.skald.logql.log.template.Node.FieldNode;
import io.skald.logql.log.template.Node.IdentifierNode;
import io.skald.logql.log.template.Node.ListNode;
import io.skald.logql.log.template.Node.NilNode;
import io.skald.logql.log.template.Node.NumberNode;
import io.skald.logql.log.template.Node.PipeNode;
import io.skald.logql.log.template.Node.StringNode;
import io.skald.logql.log.template.Node.TextNode;
import io.skald.logql.log.template.Node.VariableNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Executes a parsed template with Go's semantics: pipelines pass their value as the last argument,
 * arguments are converted to the callee's parameter types, fields read labels (a missing one is
 * ""), {@code and}/{@code or} short-circuit, variables are scoped to their control structure.
 * Errors carry Go's context ({@code template: line:1:2: executing "line" at <.foo>: ...}). One
 * executor per execution; not thread-safe.
 */
final class Executor implements Func.Execution {
  /** Go's "missing value" marker for the final pipeline argument. */
  private static final Object MISSING = new Object();

  private final Template template;
  private final StringBuilder out;
  private final List<String> varNames = new ArrayList<>();
  private final List<Object> varValues = new ArrayList<>();
  private final java.util.function.Supplier<String> line;
  private final long timestampNanos;
  private Node at;

  private static final class Break extends RuntimeException {
    final boolean isContinue;

    Break(boolean isContinue) {
      super(null, null, false, false);
      this.isContinue = isContinue;
    }
  }

  Executor(
      Template template,
      StringBuilder out,
      java.util.function.Supplier<String> line,
      long timestampNanos) {
    this.template = template;
    this.out = out;
    this.line = line;
    this.timestampNanos = timestampNanos;
  }

  @Override
  public String line() {
    return line.get();
  }

  @Override
  public long timestampNanos() {
    return timestampNanos;
  }

  void run(Object data, ListNode root) {
    varNames.add("$");
    varValues.add(data);
    walk(data, root);
  }

  private TemplateException error(String msg) {
    return new TemplateException(
        "template: "
            + template.location(at)
            + ": executing \""
            + template.name()
            + "\" at <"
            + at
            + ">: "
            + msg);
  }

  private void walk(Object dot, Node node) {
    at = node;
    if (node instanceof ListNode l) {
      for (Node n : l.nodes()) {
        walk(dot, n);
      }
    } else if (node instanceof TextNode t) {
      out.append(t.text());
    } else if (node instanceof ActionNode a) {
      Object v = pipeline(dot, a.pipe());
      if (a.pipe().decls().isEmpty()) {
        at = a;
        out.append(v == null ? "<no value>" : GoValues.print(v));
      }
    } else if (node instanceof BranchNode b) {
      branch(dot, b);
    } else if (node instanceof BreakNode) {
      throw new Break(false);
    } else if (node instanceof ContinueNode) {
      throw new Break(true);
    } else {
      throw error("unknown node: " + node);
    }
  }

  private void branch(Object dot, BranchNode b) {
    int mark = varNames.size();
    try {
      Object v = pipeline(dot, b.pipe());
      if (b.kind() == BranchNode.Kind.RANGE) {
        range(dot, b, v, mark);
      } else if (GoValues.truth(v)) {
        walk(b.kind() == BranchNode.Kind.WITH ? v : dot, b.list());
      } else if (b.elseList() != null) {
        walk(dot, b.elseList());
      }
    } finally {
      pop(mark);
    }
  }

  private void range(Object dot, BranchNode b, Object v, int mark) {
    List<Object[]> items = new ArrayList<>();
    if (v instanceof Map<?, ?> m) {
      new TreeMap<>(m).forEach((k, e) -> items.add(new Object[] {k, e}));
    } else if (v instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        items.add(new Object[] {(long) i, l.get(i)});
      }
    } else if (v instanceof Long n) {
      for (long i = 0; i < n; i++) {
        items.add(new Object[] {i, i});
      }
    } else if (v != null) {
      throw error("range can't iterate over " + GoValues.print(v));
    }
    if (items.isEmpty()) {
      if (b.elseList() != null) {
        walk(dot, b.elseList());
      }
      return;
    }
    int decls = b.pipe().decls().size();
    for (Object[] it : items) {
      int inner = varNames.size();
      // {{range $e := ...}} binds the element; {{range $i, $e := ...}} the key/index too.
      if (decls > 0) {
        varValues.set(varValues.size() - 1, it[1]);
        if (decls == 2) {
          varValues.set(varValues.size() - 2, it[0]);
        }
      }
      try {
        walk(it[1], b.list());
      } catch (Break br) {
        if (!br.isContinue) {
          pop(inner);
          break;
        }
      }
      pop(inner);
    }
  }

  private void pop(int mark) {
    while (varNames.size() > mark) {
      varNames.remove(varNames.size() - 1);
      varValues.remove(varValues.size() - 1);
    }
  }

  private Object variable(String name) {
    for (int i = varNames.size() - 1; i >= 0; i--) {
      if (varNames.get(i).equals(name)) {
        return varValues.get(i);
      }
    }
    throw error("undefined variable: " + name);
  }

  private Object pipeline(Object dot, PipeNode pipe) {
    at = pipe;
    Object v = MISSING;
    for (CommandNode cmd : pipe.cmds()) {
      v = command(dot, cmd, v);
    }
    for (VariableNode d : pipe.decls()) {
      String name = d.idents().get(0);
      if (pipe.isAssign()) {
        for (int i = varNames.size() - 1; i >= 0; i--) {
          if (varNames.get(i).equals(name)) {
            varValues.set(i, v);
            break;
          }
        }
      } else {
        varNames.add(name);
        varValues.add(v);
      }
    }
    return v;
  }

  private Object command(Object dot, CommandNode cmd, Object fin) {
    Node first = cmd.args().get(0);
    if (first instanceof FieldNode f) {
      at = f;
      return fieldChain(dot, dot, f, f.idents(), cmd.args(), fin);
    }
    if (first instanceof ChainNode c) {
      at = c;
      if (c.node() instanceof NilNode) {
        throw error("indirection through explicit nil in " + c);
      }
      Object receiver = arg(dot, Type.ANY, c.node());
      return fieldChain(dot, receiver, c, c.fields(), cmd.args(), fin);
    }
    if (first instanceof IdentifierNode id) {
      at = id;
      return call(dot, template.function(id.name()), cmd, cmd.args(), fin);
    }
    if (first instanceof PipeNode p) {
      notAFunction(cmd.args(), fin);
      return pipeline(dot, p);
    }
    if (first instanceof VariableNode v) {
      at = v;
      Object value = variable(v.idents().get(0));
      if (v.idents().size() == 1) {
        notAFunction(cmd.args(), fin);
        return value;
      }
      return fieldChain(dot, value, v, v.idents().subList(1, v.idents().size()), cmd.args(), fin);
    }
    at = first;
    notAFunction(cmd.args(), fin);
    if (first instanceof BoolNode b) {
      return b.value();
    }
    if (first instanceof DotNode) {
      return dot;
    }
    if (first instanceof NilNode) {
      throw error("nil is not a command");
    }
    if (first instanceof NumberNode n) {
      return idealConstant(n);
    }
    if (first instanceof StringNode s) {
      return s.text();
    }
    throw error("can't evaluate command " + first);
  }

  private void notAFunction(List<Node> args, Object fin) {
    if (args.size() > 1 || fin != MISSING) {
      throw error("can't give argument to non-function " + args.get(0));
    }
  }

  private Object fieldChain(
      Object dot, Object receiver, Node node, List<String> idents, List<Node> args, Object fin) {
    Object r = receiver;
    for (int i = 0; i < idents.size() - 1; i++) {
      r = field(dot, idents.get(i), node, List.of(), MISSING, r);
    }
    return field(dot, idents.get(idents.size() - 1), node, args, fin, r);
  }

  private Object field(
      Object dot, String name, Node node, List<Node> args, Object fin, Object receiver) {
    if (receiver == null) {
      return null; // missingkey=zero on a nil value: the result prints as <no value>
    }
    if (receiver instanceof GoTime t) {
      Func method = TimeMethods.method(name, t);
      if (method != null) {
        return call(dot, method, node, args, fin);
      }
    }
    boolean hasArgs = args.size() > 1 || fin != MISSING;
    if (receiver instanceof TemplateData d) {
      if (hasArgs) {
        throw error(name + " is not a method but has arguments");
      }
      String v = d.get(name);
      return v == null ? "" : v;
    }
    if (receiver instanceof Map<?, ?> m) {
      if (hasArgs) {
        throw error(name + " is not a method but has arguments");
      }
      return m.get(name);
    }
    throw error("can't evaluate field " + name + " in type " + GoValues.typeName(receiver));
  }

  /** Calls a function: checks the argument count, converts arguments, appends the piped value. */
  private Object call(Object dot, Func f, Node node, List<Node> argNodes, Object fin) {
    List<Node> args = argNodes.isEmpty() ? argNodes : argNodes.subList(1, argNodes.size());
    int numIn = args.size() + (fin != MISSING ? 1 : 0);
    int numFixed = f.params().size();
    if (f.variadic() != null) {
      if (numIn < numFixed) {
        throw error(
            "wrong number of args for "
                + f.name()
                + ": want at least "
                + numFixed
                + " got "
                + args.size());
      }
    } else if (numIn != numFixed) {
      throw error("wrong number of args for " + f.name() + ": want " + numFixed + " got " + numIn);
    }
    if (f.name().equals("and") || f.name().equals("or")) {
      return andOr(dot, f.name().equals("or"), args, fin);
    }
    List<Object> argv = new ArrayList<>(numIn);
    for (int i = 0; i < args.size(); i++) {
      argv.add(arg(dot, i < numFixed ? f.params().get(i) : f.variadic(), args.get(i)));
    }
    if (fin != MISSING) {
      Type t = argv.size() < numFixed ? f.params().get(argv.size()) : f.variadic();
      argv.add(validate(fin, t));
    }
    try {
      return f.impl().call(this, argv);
    } catch (TemplateException | Break e) {
      throw e;
    } catch (Exception e) {
      at = node;
      throw error("error calling " + f.name() + ": " + e.getMessage());
    }
  }

  private Object andOr(Object dot, boolean or, List<Node> args, Object fin) {
    Object v = null;
    for (Node a : args) {
      v = arg(dot, Type.ANY, a);
      if (GoValues.truth(v) == or) {
        return v;
      }
    }
    if (fin != MISSING) {
      v = fin;
    }
    return v;
  }

  /** Evaluates one argument for a parameter of type t (Go's evalArg). */
  private Object arg(Object dot, Type t, Node n) {
    at = n;
    if (n instanceof DotNode) {
      return validate(dot, t);
    }
    if (n instanceof NilNode) {
      if (t == Type.ANY) {
        return null;
      }
      throw error("cannot assign nil to " + t.goName);
    }
    if (n instanceof FieldNode f) {
      return validate(fieldChain(dot, dot, f, f.idents(), List.of(), MISSING), t);
    }
    if (n instanceof VariableNode v) {
      Object value = variable(v.idents().get(0));
      if (v.idents().size() > 1) {
        value =
            fieldChain(dot, value, v, v.idents().subList(1, v.idents().size()), List.of(), MISSING);
      }
      return validate(value, t);
    }
    if (n instanceof PipeNode p) {
      return validate(pipeline(dot, p), t);
    }
    if (n instanceof IdentifierNode id) {
      return validate(call(dot, template.function(id.name()), id, List.of(id), MISSING), t);
    }
    if (n instanceof ChainNode c) {
      Object receiver = arg(dot, Type.ANY, c.node());
      at = c;
      return validate(fieldChain(dot, receiver, c, c.fields(), List.of(), MISSING), t);
    }
    return constant(t, n);
  }

  private Object constant(Type t, Node n) {
    switch (t) {
      case ANY -> {
        if (n instanceof BoolNode b) {
          return b.value();
        }
        if (n instanceof StringNode s) {
          return s.text();
        }
        if (n instanceof NumberNode num) {
          return idealConstant(num);
        }
      }
      case STRING -> {
        if (n instanceof StringNode s) {
          return s.text();
        }
        throw error("expected string; found " + n);
      }
      case INT -> {
        if (n instanceof NumberNode num && num.isInt()) {
          return num.intValue();
        }
        throw error("expected integer; found " + n);
      }
      case FLOAT -> {
        if (n instanceof NumberNode num && num.isFloat()) {
          return num.floatValue();
        }
        throw error("expected float; found " + n);
      }
      case BOOL -> {
        if (n instanceof BoolNode b) {
          return b.value();
        }
        throw error("expected bool; found " + n);
      }
      default -> {}
    }
    throw error("can't handle " + n + " for arg of type " + t.goName);
  }

  /** A number constant as an interface value: float64 when written like a float, else int. */
  private static Object idealConstant(NumberNode n) {
    String text = n.text();
    boolean hexOrRune =
        text.startsWith("'") || text.toLowerCase(java.util.Locale.ROOT).matches("[+-]?0x.*");
    if (n.isFloat() && !hexOrRune && text.matches(".*[.eEpP].*")) {
      return n.floatValue();
    }
    return n.isInt() ? (Object) n.intValue() : (Object) n.floatValue();
  }

  /** Go's validateType: the value must already have the parameter's type. */
  private Object validate(Object v, Type t) {
    boolean ok =
        switch (t) {
          case ANY -> true;
          case STRING -> v instanceof String;
          case INT -> v instanceof Long;
          case FLOAT -> v instanceof Double;
          case BOOL -> v instanceof Boolean;
          case TIME -> v instanceof GoTime;
        };
    if (ok) {
      return v;
    }
    if (v == null) {
      throw error("invalid value; expected " + t.goName);
    }
    throw error("wrong type for value; expected " + t.goName + "; got " + GoValues.typeName(v));
  }
}
