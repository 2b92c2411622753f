package io.skald.logql.log.template;

import io.skald.gocompat.GoUnquote;
import io.skald.logql.log.template.Lexer.Item;
import io.skald.logql.log.template.Lexer.Kind;
import io.skald.logql.log.template.Node.BoolNode;
import io.skald.logql.log.template.Node.BranchNode;
import io.skald.logql.log.template.Node.ChainNode;
import io.skald.logql.log.template.Node.CommandNode;
import io.skald.logql.log.template.Node.DotNode;
import io.skald.logql.log.template.Node.FieldNode;
import io.skald.logql.log.template.Node.IdentifierNode;
import io.skald.logql.log.template.Node.ListNode;
import io.skald.logql.log.template.Node.NilNode;
import io.skald.logql.log.template.Node.NumberNode;
import io.skald.logql.log.template.Node.PipeNode;
import io.skald.logql.log.template.Node.StringNode;
import io.skald.logql.log.template.Node.VariableNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Recursive-descent parser for Go's text/template language, following the structure of {@code
 * text/template/parse} so that accepted templates and error texts match ({@code template: line:1:
 * function "foo" not defined}). {@code define}, {@code template} and {@code block} are not
 * supported: LogQL templates are single, anonymous templates.
 */
final class Parser {
  private final String name;
  private final List<Item> items;
  private final Predicate<String> isFunction;
  private final List<String> vars = new ArrayList<>(List.of("$"));
  private int next;
  private int rangeDepth;

  private Parser(String name, List<Item> items, Predicate<String> isFunction) {
    this.name = name;
    this.items = items;
    this.isFunction = isFunction;
  }

  /**
   * @throws TemplateException {@code template: <name>:<line>: <reason>}
   */
  static ListNode parse(String name, String text, Predicate<String> isFunction) {
    Parser p = new Parser(name, Lexer.lex(text), isFunction);
    List<Node> nodes = new ArrayList<>();
    while (p.peek().kind() != Kind.EOF) {
      Item it = p.peek();
      if (it.kind() == Kind.TEXT) {
        p.next();
        nodes.add(new Node.TextNode(it.pos(), it.text()));
      } else {
        Node n = p.action();
        if (n instanceof Terminator t) {
          throw p.error(t.item, "unexpected " + t.item.text());
        }
        nodes.add(n);
      }
    }
    return new ListNode(0, nodes);
  }

  /** {{end}} / {{else}} seen while parsing a list; carried up to the enclosing control. */
  private record Terminator(Item item, Item elseKeyword) implements Node {
    @Override
    public int pos() {
      return item.pos();
    }
  }

  private Item next() {
    Item it = items.get(next);
    if (it.kind() == Kind.ERROR) {
      throw error(it, it.text());
    }
    if (next < items.size() - 1) {
      next++;
    }
    return it;
  }

  private Item peek() {
    Item it = items.get(next);
    if (it.kind() == Kind.ERROR) {
      throw error(it, it.text());
    }
    return it;
  }

  private void backup() {
    next--;
  }

  private Item nextNonSpace() {
    Item it;
    do {
      it = next();
    } while (it.kind() == Kind.SPACE);
    return it;
  }

  private Item peekNonSpace() {
    Item it = nextNonSpace();
    backup();
    return it;
  }

  TemplateException error(Item at, String msg) {
    return new TemplateException("template: " + name + ":" + at.line() + ": " + msg);
  }

  private TemplateException unexpected(Item it, String context) {
    String what =
        it.kind() == Kind.EOF
            ? "EOF"
            : it.kind() == Kind.RIGHT_DELIM ? "\"}}\"" : "\"" + it.text() + "\"";
    return error(it, "unexpected " + what + " in " + context);
  }

  /** After a left delimiter: a control keyword or a pipeline. */
  private Node action() {
    Item delim = next(); // LEFT_DELIM
    Item it = nextNonSpace();
    switch (it.kind()) {
      case ELSE -> {
        Item after = peekNonSpace();
        if (after.kind() == Kind.IF || after.kind() == Kind.WITH) {
          return new Terminator(it, after); // "else if"/"else with": the nested control follows
        }
        expect(Kind.RIGHT_DELIM, "else");
        return new Terminator(it, null);
      }
      case END -> {
        expect(Kind.RIGHT_DELIM, "end");
        return new Terminator(it, null);
      }
      case IF -> {
        return control(it, BranchNode.Kind.IF, "if");
      }
      case WITH -> {
        return control(it, BranchNode.Kind.WITH, "with");
      }
      case RANGE -> {
        return control(it, BranchNode.Kind.RANGE, "range");
      }
      case BREAK, CONTINUE -> {
        if (rangeDepth == 0) {
          throw error(it, "{{" + it.text() + "}} outside {{range}}");
        }
        expect(Kind.RIGHT_DELIM, it.text());
        return it.kind() == Kind.BREAK
            ? new Node.BreakNode(it.pos(), it.line())
            : new Node.ContinueNode(it.pos(), it.line());
      }
      case DEFINE, TEMPLATE, BLOCK ->
          throw error(it, "{{" + it.text() + "}} is not supported in LogQL templates");
      default -> {
        backup();
        return new Node.ActionNode(
            delim.pos(), delim.line(), pipeline("command", Kind.RIGHT_DELIM));
      }
    }
  }

  private void expect(Kind kind, String context) {
    Item it = nextNonSpace();
    if (it.kind() != kind) {
      throw unexpected(it, context);
    }
  }

  private BranchNode control(Item keyword, BranchNode.Kind kind, String context) {
    int mark = vars.size();
    if (kind == BranchNode.Kind.RANGE) {
      rangeDepth++;
    }
    PipeNode pipe = pipeline(context, Kind.RIGHT_DELIM);
    Terminator[] end = new Terminator[1];
    ListNode list = itemList(end);
    if (kind == BranchNode.Kind.RANGE) {
      rangeDepth--;
    }
    ListNode elseList = null;
    if (end[0].item.kind() == Kind.ELSE) {
      if (end[0].elseKeyword != null) {
        // {{else if ...}} is {{else}}{{if ...}}...{{end}}{{end}} sharing one {{end}}.
        Item nested = nextNonSpace();
        BranchNode.Kind nk = nested.kind() == Kind.IF ? BranchNode.Kind.IF : BranchNode.Kind.WITH;
        BranchNode inner = control(nested, nk, nested.text());
        elseList = new ListNode(inner.pos(), List.of(inner));
      } else {
        elseList = itemList(end);
        if (end[0].item.kind() != Kind.END) {
          throw error(end[0].item, "expected end; found {{else}}");
        }
      }
    }
    vars.subList(mark, vars.size()).clear();
    return new BranchNode(keyword.pos(), keyword.line(), kind, pipe, list, elseList);
  }

  /** Nodes up to {{end}} or {{else}}, stored in end[0]. */
  private ListNode itemList(Terminator[] end) {
    List<Node> nodes = new ArrayList<>();
    int start = peek().pos();
    while (true) {
      Item it = peek();
      if (it.kind() == Kind.EOF) {
        throw error(it, "unexpected EOF");
      }
      if (it.kind() == Kind.TEXT) {
        next();
        nodes.add(new Node.TextNode(it.pos(), it.text()));
        continue;
      }
      Node n = action();
      if (n instanceof Terminator t) {
        end[0] = t;
        return new ListNode(start, nodes);
      }
      nodes.add(n);
    }
  }

  private PipeNode pipeline(String context, Kind end) {
    Item first = peekNonSpace();
    List<VariableNode> decls = new ArrayList<>();
    boolean isAssign = false;
    if (first.kind() == Kind.VARIABLE) {
      int save = next;
      Item v = nextNonSpace();
      Item op = nextNonSpace();
      if (op.kind() == Kind.DECLARE
          || op.kind() == Kind.ASSIGN
          || (op.kind() == Kind.COMMA && context.equals("range"))) {
        isAssign = op.kind() == Kind.ASSIGN;
        decls.add(new VariableNode(v.pos(), List.of(v.text())));
        if (op.kind() == Kind.COMMA) {
          Item v2 = nextNonSpace();
          Item op2 = nextNonSpace();
          if (v2.kind() != Kind.VARIABLE
              || (op2.kind() != Kind.DECLARE && op2.kind() != Kind.ASSIGN)) {
            throw error(v2, "range can only initialize variables");
          }
          isAssign = op2.kind() == Kind.ASSIGN;
          decls.add(new VariableNode(v2.pos(), List.of(v2.text())));
        }
        for (VariableNode d : decls) {
          if (isAssign) {
            useVar(first, d.idents().get(0));
          } else {
            vars.add(d.idents().get(0));
          }
        }
      } else {
        next = save;
      }
    }
    List<CommandNode> cmds = new ArrayList<>();
    while (true) {
      Item it = nextNonSpace();
      if (it.kind() == end) {
        if (cmds.isEmpty()) {
          throw error(it, "missing value for " + context);
        }
        for (int i = 1; i < cmds.size(); i++) {
          Node a0 = cmds.get(i).args().get(0);
          if (a0 instanceof BoolNode
              || a0 instanceof DotNode
              || a0 instanceof NilNode
              || a0 instanceof NumberNode
              || a0 instanceof StringNode) {
            throw error(it, "non executable command in pipeline stage " + (i + 1));
          }
        }
        return new PipeNode(first.pos(), first.line(), isAssign, decls, cmds);
      }
      switch (it.kind()) {
        case BOOL,
            CHAR,
            DOT,
            FIELD,
            IDENTIFIER,
            NUMBER,
            NIL,
            RAW_STRING,
            STRING,
            VARIABLE,
            LEFT_PAREN -> {
          backup();
          cmds.add(command());
        }
        default -> throw unexpected(it, context);
      }
    }
  }

  private CommandNode command() {
    int pos = peekNonSpace().pos();
    List<Node> args = new ArrayList<>();
    while (true) {
      peekNonSpace();
      Node operand = operand();
      if (operand != null) {
        args.add(operand);
      }
      Item it = next();
      if (it.kind() == Kind.SPACE) {
        continue;
      }
      if (it.kind() == Kind.RIGHT_DELIM || it.kind() == Kind.RIGHT_PAREN) {
        backup();
      } else if (it.kind() != Kind.PIPE) {
        throw unexpected(it, "operand");
      }
      break;
    }
    if (args.isEmpty()) {
      throw error(items.get(next), "empty command");
    }
    return new CommandNode(pos, args);
  }

  private Node operand() {
    Node term = term();
    if (term == null) {
      return null;
    }
    if (peek().kind() != Kind.FIELD) {
      return term;
    }
    List<String> fields = new ArrayList<>();
    while (peek().kind() == Kind.FIELD) {
      fields.add(next().text().substring(1));
    }
    if (term instanceof FieldNode f) {
      List<String> all = new ArrayList<>(f.idents());
      all.addAll(fields);
      return new FieldNode(f.pos(), all);
    }
    if (term instanceof VariableNode v) {
      List<String> all = new ArrayList<>(v.idents());
      all.addAll(fields);
      return new VariableNode(v.pos(), all);
    }
    if (term instanceof BoolNode
        || term instanceof StringNode
        || term instanceof NumberNode
        || term instanceof NilNode
        || term instanceof DotNode) {
      throw error(items.get(next - 1), "unexpected . after term \"" + term + "\"");
    }
    return new ChainNode(term.pos(), term, fields);
  }

  private Node term() {
    Item it = nextNonSpace();
    switch (it.kind()) {
      case IDENTIFIER -> {
        if (!isFunction.test(it.text())) {
          throw error(it, "function \"" + it.text() + "\" not defined");
        }
        return new IdentifierNode(it.pos(), it.text());
      }
      case DOT -> {
        return new DotNode(it.pos());
      }
      case NIL -> {
        return new NilNode(it.pos());
      }
      case VARIABLE -> {
        useVar(it, it.text());
        return new VariableNode(it.pos(), List.of(it.text()));
      }
      case FIELD -> {
        return new FieldNode(it.pos(), Arrays.asList(it.text().substring(1)));
      }
      case BOOL -> {
        return new BoolNode(it.pos(), it.text().equals("true"));
      }
      case CHAR, NUMBER -> {
        return number(it);
      }
      case LEFT_PAREN -> {
        return pipeline("parenthesized pipeline", Kind.RIGHT_PAREN);
      }
      case STRING, RAW_STRING -> {
        try {
          return new StringNode(it.pos(), it.text(), GoUnquote.unquote(it.text()));
        } catch (IllegalArgumentException e) {
          throw error(it, e.getMessage());
        }
      }
      default -> {
        backup();
        return null;
      }
    }
  }

  private void useVar(Item at, String var) {
    if (!vars.contains(var)) {
      throw error(at, "undefined variable \"" + var + "\"");
    }
  }

  private NumberNode number(Item it) {
    try {
      return Numbers.parse(it.pos(), it.text(), it.kind() == Kind.CHAR);
    } catch (IllegalArgumentException e) {
      throw error(it, e.getMessage());
    }
  }
}
