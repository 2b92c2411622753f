package io.skald.logql.log.template;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The parse tree of a template, shaped like Go's {@code text/template/parse} so that execution
 * errors can name the node the way Go prints it ({@code at <.foo>}). {@code pos} is the byte offset
 * of the node in the source.
 */
interface Node {
  int pos();

  record ListNode(int pos, List<Node> nodes) implements Node {
    @Override
    public String toString() {
      return nodes.stream().map(Node::toString).collect(Collectors.joining());
    }
  }

  record TextNode(int pos, String text) implements Node {
    @Override
    public String toString() {
      return text;
    }
  }

  record ActionNode(int pos, int line, PipeNode pipe) implements Node {
    @Override
    public String toString() {
      return "{{" + pipe + "}}";
    }
  }

  /** A pipeline with optional {@code $x :=} / {@code $x =} declarations. */
  record PipeNode(
      int pos, int line, boolean isAssign, List<VariableNode> decls, List<CommandNode> cmds)
      implements Node {
    @Override
    public String toString() {
      String d =
          decls.isEmpty()
              ? ""
              : decls.stream().map(Node::toString).collect(Collectors.joining(", "))
                  + (isAssign ? " = " : " := ");
      return d + cmds.stream().map(Node::toString).collect(Collectors.joining(" | "));
    }
  }

  record CommandNode(int pos, List<Node> args) implements Node {
    @Override
    public String toString() {
      return args.stream()
          .map(a -> a instanceof PipeNode ? "(" + a + ")" : a.toString())
          .collect(Collectors.joining(" "));
    }
  }

  /** {@code if}, {@code with} and {@code range}; {@code else if} nests an IfNode in elseList. */
  record BranchNode(int pos, int line, Kind kind, PipeNode pipe, ListNode list, ListNode elseList)
      implements Node {
    enum Kind {
      IF,
      WITH,
      RANGE
    }

    @Override
    public String toString() {
      String name = kind.name().toLowerCase(java.util.Locale.ROOT);
      return "{{"
          + name
          + " "
          + pipe
          + "}}"
          + list
          + (elseList == null ? "" : "{{else}}" + elseList)
          + "{{end}}";
    }
  }

  record BreakNode(int pos, int line) implements Node {
    @Override
    public String toString() {
      return "{{break}}";
    }
  }

  record ContinueNode(int pos, int line) implements Node {
    @Override
    public String toString() {
      return "{{continue}}";
    }
  }

  record FieldNode(int pos, List<String> idents) implements Node {
    @Override
    public String toString() {
      return idents.stream().map(i -> "." + i).collect(Collectors.joining());
    }
  }

  /** {@code $x.a.b}; idents.get(0) is the variable name including {@code $}. */
  record VariableNode(int pos, List<String> idents) implements Node {
    @Override
    public String toString() {
      return String.join(".", idents);
    }
  }

  /** A term followed by fields: {@code (pipeline).a.b}. */
  record ChainNode(int pos, Node node, List<String> fields) implements Node {
    @Override
    public String toString() {
      String base = node instanceof PipeNode ? "(" + node + ")" : node.toString();
      return base + fields.stream().map(f -> "." + f).collect(Collectors.joining());
    }
  }

  record IdentifierNode(int pos, String name) implements Node {
    @Override
    public String toString() {
      return name;
    }
  }

  record DotNode(int pos) implements Node {
    @Override
    public String toString() {
      return ".";
    }
  }

  record NilNode(int pos) implements Node {
    @Override
    public String toString() {
      return "nil";
    }
  }

  record BoolNode(int pos, boolean value) implements Node {
    @Override
    public String toString() {
      return Boolean.toString(value);
    }
  }

  /**
   * A number constant. {@code isInt}/{@code isFloat} say which Go types it converts to exactly
   * ({@code 2.0} is both).
   */
  record NumberNode(
      int pos, String text, boolean isInt, long intValue, boolean isFloat, double floatValue)
      implements Node {
    @Override
    public String toString() {
      return text;
    }
  }

  record StringNode(int pos, String quoted, String text) implements Node {
    @Override
    public String toString() {
      return quoted;
    }
  }
}
