package io.skald.logql.syntax;

import io.skald.gocompat.GoQuote;
import io.skald.gocompat.GoUnquote;
import io.skald.gocompat.PromDuration;
import io.skald.labels.MatchType;
import io.skald.labels.Matcher;
import io.skald.logql.syntax.grammar.LogQLParser;
import io.skald.logql.syntax.grammar.LogQLParser.*;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Builds the immutable AST from ANTLR's parse tree and applies the checks Loki makes while building
 * its AST (parameters, grouping, unwrap rules, literal folding). The grammar is permissive where
 * Loki's messages come from these checks rather than from the parser. Errors without a natural
 * position use line/col 0, as Loki's do.
 */
final class AstBuilder {

  Expr root(RootContext ctx) throws ParseException {
    return expr(ctx.expr());
  }

  // ---- log queries ------------------------------------------------------------------

  LogSelectorExpr logExpr(LogExprContext ctx) throws ParseException {
    return new LogSelectorExpr(selector(ctx.selector()), pipeline(ctx.pipeline()));
  }

  StreamSelector selector(SelectorContext ctx) throws ParseException {
    List<Matcher> matchers = new ArrayList<>();
    for (MatcherContext m : ctx.matcher()) {
      matchers.add(matcher(m));
    }
    return new StreamSelector(matchers);
  }

  private Matcher matcher(MatcherContext ctx) throws ParseException {
    MatchType type =
        switch (ctx.op.getType()) {
          case LogQLParser.EQ -> MatchType.EQ;
          case LogQLParser.NEQ -> MatchType.NEQ;
          case LogQLParser.RE -> MatchType.RE;
          default -> MatchType.NRE;
        };
    return newMatcher(ctx.identifier().getText(), type, string(ctx.STRING()));
  }

  private static Matcher newMatcher(String name, MatchType type, String value)
      throws ParseException {
    try {
      return new Matcher(name, type, value);
    } catch (IllegalArgumentException e) {
      throw new ParseException(e.getMessage());
    }
  }

  private List<StageExpr> pipeline(PipelineContext ctx) throws ParseException {
    List<StageExpr> stages = new ArrayList<>();
    if (ctx != null) {
      for (PipelineStageContext s : ctx.pipelineStage()) {
        stages.add(stage(s));
      }
    }
    return stages;
  }

  private StageExpr stage(PipelineStageContext ctx) throws ParseException {
    if (ctx instanceof LineFilterStageContext c) {
      return lineFilter(c.lineFilter());
    } else if (ctx instanceof JsonStageContext c) {
      return new JsonParserExpr(extractions(c.labelExtraction()));
    } else if (ctx instanceof LogfmtStageContext c) {
      boolean strict = false;
      boolean keepEmpty = false;
      for (TerminalNode flag : c.FLAG()) {
        strict |= flag.getText().equalsIgnoreCase("--strict");
        keepEmpty |= flag.getText().equalsIgnoreCase("--keep-empty");
      }
      return new LogfmtParserExpr(strict, keepEmpty, extractions(c.labelExtraction()));
    } else if (ctx instanceof RegexpStageContext c) {
      return new RegexpParserExpr(string(c.STRING()));
    } else if (ctx instanceof PatternStageContext c) {
      return new PatternParserExpr(string(c.STRING()));
    } else if (ctx instanceof UnpackStageContext) {
      return new UnpackParserExpr();
    } else if (ctx instanceof LineFormatStageContext c) {
      return new LineFormatExpr(string(c.STRING()));
    } else if (ctx instanceof LabelFormatStageContext c) {
      List<LabelFormat> formats = new ArrayList<>();
      for (LabelFormatContext f : c.labelFormat()) {
        String name = f.identifier(0).getText();
        formats.add(
            f.STRING() != null
                ? LabelFormat.template(name, string(f.STRING()))
                : LabelFormat.rename(name, f.identifier(1).getText()));
      }
      return new LabelFormatExpr(formats);
    } else if (ctx instanceof DecolorizeStageContext) {
      return new DecolorizeExpr();
    } else if (ctx instanceof DropStageContext c) {
      return new DropLabelsExpr(namedMatchers(c.namedMatcher()));
    } else if (ctx instanceof KeepStageContext c) {
      return new KeepLabelsExpr(namedMatchers(c.namedMatcher()));
    } else if (ctx instanceof LabelFilterStageContext c) {
      return new LabelFilterExpr(labelFilter(c.labelFilter()));
    }
    throw new IllegalStateException("unhandled stage " + ctx.getClass().getSimpleName());
  }

  private LineFilterExpr lineFilter(LineFilterContext ctx) throws ParseException {
    LineFilterOp op =
        switch (ctx.op.getType()) {
          case LogQLParser.PIPE_EXACT -> LineFilterOp.CONTAINS;
          case LogQLParser.NEQ -> LineFilterOp.NOT_CONTAINS;
          case LogQLParser.PIPE_MATCH -> LineFilterOp.MATCH_REGEX;
          case LogQLParser.NRE -> LineFilterOp.NOT_MATCH_REGEX;
          case LogQLParser.PIPE_PATTERN -> LineFilterOp.MATCH_PATTERN;
          default -> LineFilterOp.NOT_MATCH_PATTERN;
        };
    List<LineFilterExpr.Operand> operands = new ArrayList<>();
    for (LineFilterOperandContext o : ctx.lineFilterOperand()) {
      String value = string(o.STRING());
      operands.add(
          o.IP() != null ? LineFilterExpr.Operand.ip(value) : LineFilterExpr.Operand.text(value));
    }
    return new LineFilterExpr(op, operands);
  }

  private List<LabelExtraction> extractions(List<LabelExtractionContext> ctxs)
      throws ParseException {
    List<LabelExtraction> out = new ArrayList<>();
    for (LabelExtractionContext e : ctxs) {
      String label = e.identifier().getText();
      out.add(new LabelExtraction(label, e.STRING() != null ? string(e.STRING()) : label));
    }
    return out;
  }

  private List<NamedMatcher> namedMatchers(List<NamedMatcherContext> ctxs) throws ParseException {
    List<NamedMatcher> out = new ArrayList<>();
    for (NamedMatcherContext n : ctxs) {
      out.add(
          n.matcher() != null
              ? NamedMatcher.of(matcher(n.matcher()))
              : NamedMatcher.ofName(n.identifier().getText()));
    }
    return out;
  }

  // ---- label filters ----------------------------------------------------------------

  private LabelFilter labelFilter(LabelFilterContext ctx) throws ParseException {
    if (ctx instanceof AndLabelFilterContext c) {
      return new AndLabelFilter(labelFilter(c.labelFilter(0)), labelFilter(c.labelFilter(1)));
    } else if (ctx instanceof OrCommaLabelFilterContext c) {
      LabelFilter left = labelFilter(c.labelFilter(0));
      LabelFilter right = labelFilter(c.labelFilter(1));
      return c.OR() != null ? new OrLabelFilter(left, right) : new AndLabelFilter(left, right);
    } else if (ctx instanceof ParenLabelFilterContext c) {
      return labelFilter(c.labelFilter());
    } else if (ctx instanceof IpLabelFilterContext c) {
      return new IpLabelFilter(
          c.identifier().getText(), c.op.getType() == LogQLParser.NEQ, string(c.STRING()));
    } else if (ctx instanceof StringLabelFilterContext c) {
      MatchType type =
          switch (c.op.getType()) {
            case LogQLParser.EQ -> MatchType.EQ;
            case LogQLParser.NEQ -> MatchType.NEQ;
            case LogQLParser.RE -> MatchType.RE;
            default -> MatchType.NRE;
          };
      return new StringLabelFilter(newMatcher(c.identifier().getText(), type, string(c.STRING())));
    } else if (ctx instanceof UnitLabelFilterContext c) {
      return unitFilter(c);
    } else if (ctx instanceof NumberLabelFilterContext c) {
      double v = number(c.NUMBER().getSymbol());
      return new NumericLabelFilter(
          c.identifier().getText(),
          compareOp(c.cmp),
          c.sign != null && c.sign.getType() == LogQLParser.SUB ? -v : v);
    }
    throw new IllegalStateException("unhandled label filter " + ctx.getClass().getSimpleName());
  }

  private LabelFilter unitFilter(UnitLabelFilterContext c) throws ParseException {
    String name = c.identifier().getText();
    CompareOp op = compareOp(c.cmp);
    Token t = c.NUMBER_UNIT().getSymbol();
    String text = (c.sign != null ? "-" : "") + t.getText();
    try {
      return new DurationLabelFilter(name, op, Durations.parse(text));
    } catch (IllegalArgumentException notDuration) {
      try {
        if (c.sign == null) {
          return new BytesLabelFilter(name, op, ByteSizes.parse(text));
        }
      } catch (IllegalArgumentException notBytes) {
        // fall through to the error below
      }
    }
    throw new ParseException(
        "invalid duration or byte size " + GoQuote.quote(text),
        t.getLine(),
        t.getCharPositionInLine() + 1);
  }

  private static CompareOp compareOp(Token t) {
    return switch (t.getType()) {
      case LogQLParser.GT -> CompareOp.GT;
      case LogQLParser.GTE -> CompareOp.GTE;
      case LogQLParser.LT -> CompareOp.LT;
      case LogQLParser.LTE -> CompareOp.LTE;
      case LogQLParser.NEQ -> CompareOp.NEQ;
      default -> CompareOp.EQ;
    };
  }

  // ---- metric queries ---------------------------------------------------------------

  /** A log query or a metric expression, as Loki's {@code expr}. */
  Expr expr(ExprContext ctx) throws ParseException {
    if (ctx instanceof LogExprContext c) {
      return logExpr(c);
    } else if (ctx instanceof ParenExprContext c) {
      return expr(c.expr());
    }
    return metric(ctx);
  }

  /**
   * An expression that must be a metric one. The grammar's {@code metricOperand} action has already
   * rejected log queries with Loki's syntax error; this is a safety net.
   */
  SampleExpr metric(ExprContext ctx) throws ParseException {
    if (ctx instanceof LogExprContext || ctx instanceof ParenExprContext) {
      Expr e = expr(ctx);
      if (e instanceof SampleExpr s) {
        return s;
      }
      Token t = ctx.getStop();
      throw new ParseException(
          "syntax error: unexpected " + t.getText(), t.getLine(), t.getCharPositionInLine() + 1);
    } else if (ctx instanceof BinOpExprContext c) {
      return binOp(c);
    } else if (ctx instanceof RangeAggregationExprContext c) {
      return rangeAggregation(c);
    } else if (ctx instanceof VectorAggregationExprContext c) {
      return vectorAggregation(c);
    } else if (ctx instanceof LabelReplaceExprContext c) {
      String regex = string(c.regex);
      try {
        com.google.re2j.Pattern.compile("^(?:" + regex + ")$");
      } catch (com.google.re2j.PatternSyntaxException e) {
        throw new ParseException("invalid regex in label_replace: " + e.getMessage());
      }
      return new LabelReplaceExpr(
          metric(c.inner), string(c.dst), string(c.repl), string(c.src), regex);
    } else if (ctx instanceof VectorExprContext c) {
      return new VectorExpr(number(c.NUMBER().getSymbol()));
    } else if (ctx instanceof LiteralExprContext c) {
      double v = number(c.NUMBER().getSymbol());
      return new LiteralExpr(c.sign != null && c.sign.getType() == LogQLParser.SUB ? -v : v);
    }
    throw new IllegalStateException("unhandled expression " + ctx.getClass().getSimpleName());
  }

  private SampleExpr binOp(BinOpExprContext c) throws ParseException {
    BinOp op = BinOp.fromSymbol(c.op.getText());
    SampleExpr lhs = operand(op, "left", expr(c.expr(0)));
    SampleExpr rhs = operand(op, "right", expr(c.expr(1)));
    BinModifierContext mod = c.binModifier();
    if (op.isSetOperator()) {
      if (lhs instanceof LiteralExpr l) {
        throw new ParseException(
            String.format(
                java.util.Locale.ROOT,
                "unexpected literal for left leg of logical/set binary operation (%s): %f",
                op,
                l.value()));
      }
      if (rhs instanceof LiteralExpr r) {
        throw new ParseException(
            String.format(
                java.util.Locale.ROOT,
                "unexpected literal for right leg of logical/set binary operation (%s): %f",
                op,
                r.value()));
      }
    }
    // Loki folds literal-only arithmetic at parse time; the evaluator never sees it.
    if (lhs instanceof LiteralExpr l && rhs instanceof LiteralExpr r) {
      return new LiteralExpr(fold(op, l.value(), r.value()));
    }
    return new BinOpExpr(op, lhs, rhs, mod.BOOL() != null, vectorMatching(mod));
  }

  /**
   * Loki names the Go type of a log query operand: {@code *syntax.MatchersExpr} or {@code
   * *syntax.PipelineExpr}.
   */
  private static SampleExpr operand(BinOp op, String leg, Expr e) throws ParseException {
    if (e instanceof SampleExpr s) {
      return s;
    }
    String type =
        e instanceof LogSelectorExpr log && !log.pipeline().isEmpty()
            ? "*syntax.PipelineExpr"
            : "*syntax.MatchersExpr";
    throw new ParseException(
        "unexpected type for " + leg + " leg of binary operation (" + op.symbol() + "): " + type);
  }

  private static VectorMatching vectorMatching(BinModifierContext mod) {
    if (mod.matching == null) {
      return null;
    }
    VectorMatching.Cardinality card = VectorMatching.Cardinality.ONE_TO_ONE;
    if (mod.group != null) {
      card =
          mod.group.getType() == LogQLParser.GROUP_LEFT
              ? VectorMatching.Cardinality.MANY_TO_ONE
              : VectorMatching.Cardinality.ONE_TO_MANY;
    }
    return new VectorMatching(
        mod.matching.getType() == LogQLParser.ON, labels(mod.onLabels), card, labels(mod.include));
  }

  static double fold(BinOp op, double l, double r) {
    return switch (op) {
      case ADD -> l + r;
      case SUB -> l - r;
      case MUL -> l * r;
      case DIV -> r == 0 ? Double.NaN : l / r; // Loki's MergeBinOp guards division by zero
      case MOD -> r == 0 ? Double.NaN : l % r; // Java's % on doubles is Go's math.Mod
      case POW -> goPow(l, r);
      case CMP_EQ -> l == r ? 1 : 0;
      case NEQ -> l != r ? 1 : 0;
      case GT -> l > r ? 1 : 0;
      case GTE -> l >= r ? 1 : 0;
      case LT -> l < r ? 1 : 0;
      case LTE -> l <= r ? 1 : 0;
      default -> throw new IllegalStateException("set operator on literals: " + op);
    };
  }

  /**
   * Go's {@code math.Pow}: unlike Java's, {@code 1^y} is 1 for every y and {@code (-1)^±Inf} is 1.
   */
  static double goPow(double x, double y) {
    if (y == 0 || x == 1) {
      return 1;
    }
    if (x == -1 && Double.isInfinite(y)) {
      return 1;
    }
    return Math.pow(x, y);
  }

  private SampleExpr rangeAggregation(RangeAggregationExprContext c) throws ParseException {
    RangeOp op = RangeOp.fromKeyword(c.rangeOp().getText());
    Double param = null;
    if (c.param != null) {
      if (op != RangeOp.QUANTILE_OVER_TIME) {
        throw new ParseException(
            "parameter " + c.param.getText() + " not supported for operation " + op);
      }
      param = number(c.param);
    } else if (op == RangeOp.QUANTILE_OVER_TIME) {
      throw new ParseException("parameter required for operation " + op);
    }
    LogRangeExpr range = logRange(c.logRange());
    Grouping grouping = c.grouping() == null ? null : grouping(c.grouping());
    if (grouping != null && !op.allowsGrouping()) {
      throw new ParseException("grouping not allowed for " + op + " aggregation");
    }
    if (range.unwrap() != null && !op.worksOnUnwrapped()) {
      throw new ParseException("invalid aggregation " + op + " with unwrap");
    }
    if (range.unwrap() == null && !op.worksOnLines()) {
      throw new ParseException("invalid aggregation " + op + " without unwrap");
    }
    return new RangeAggregationExpr(op, range, param, grouping);
  }

  private SampleExpr vectorAggregation(VectorAggregationExprContext c) throws ParseException {
    VectorOp op = VectorOp.fromKeyword(c.vectorOp().getText());
    if (c.before != null && c.after != null) {
      Token t = c.after.getStart();
      throw new ParseException(
          "syntax error: unexpected " + t.getText().toLowerCase(java.util.Locale.ROOT),
          t.getLine(),
          t.getCharPositionInLine() + 1);
    }
    Grouping grouping =
        c.before != null ? grouping(c.before) : c.after != null ? grouping(c.after) : null;
    Integer param = null;
    if (op.takesParameter()) {
      if (c.param == null) {
        throw new ParseException("parameter required for operation " + op);
      }
      String p = c.param.getText();
      try {
        param = Integer.parseInt(p);
      } catch (NumberFormatException e) {
        throw new ParseException("invalid parameter " + op + "(" + p + ",");
      }
      if (param <= 0) {
        throw new ParseException("invalid parameter (must be greater than 0) " + op + "(" + p);
      }
      if (op == VectorOp.APPROX_TOPK && grouping != null) {
        throw new ParseException("grouping not allowed for " + op + " aggregation");
      }
    } else if (c.param != null) {
      throw new ParseException(
          "unsupported parameter for operation " + op + "(" + c.param.getText() + ",");
    }
    if ((op == VectorOp.SORT || op == VectorOp.SORT_DESC)
        && grouping != null
        && !grouping.labels().isEmpty()) {
      throw new ParseException("sort and sort_desc doesn't allow grouping by ");
    }
    return new VectorAggregationExpr(op, metric(c.inner), param, grouping);
  }

  private LogRangeExpr logRange(LogRangeContext ctx) throws ParseException {
    if (ctx instanceof NestedRangeContext c) {
      return logRange(c.logRange());
    } else if (ctx instanceof RangeAfterSelectorContext c) {
      return newLogRange(c.selector(), c.pipeline(), c.unwrap(), c.RANGE(), c.offset());
    } else if (ctx instanceof RangeAtEndContext c) {
      return newLogRange(c.selector(), c.pipeline(), c.unwrap(), c.RANGE(), c.offset());
    } else if (ctx instanceof RangeAfterParensContext c) {
      return newLogRange(c.selector(), c.pipeline(), c.unwrap(), c.RANGE(), c.offset());
    }
    throw new IllegalStateException("unhandled range " + ctx.getClass().getSimpleName());
  }

  private LogRangeExpr newLogRange(
      SelectorContext sel,
      PipelineContext pipe,
      UnwrapContext unwrap,
      TerminalNode range,
      OffsetContext offset)
      throws ParseException {
    LogSelectorExpr left = new LogSelectorExpr(selector(sel), pipeline(pipe));
    Token r = range.getSymbol();
    String text = r.getText().substring(1, r.getText().length() - 1);
    Duration d;
    try {
      d = PromDuration.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ParseException(e.getMessage(), 0, r.getCharPositionInLine() + 1); // Loki: line 0
    }
    return new LogRangeExpr(
        left,
        d,
        offset == null ? Duration.ZERO : offset(offset),
        unwrap == null ? null : unwrap(unwrap));
  }

  private static Duration offset(OffsetContext ctx) throws ParseException {
    Token t = ctx.NUMBER_UNIT().getSymbol();
    String text = (ctx.sign != null ? "-" : "") + t.getText();
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ParseException(e.getMessage(), t.getLine(), t.getCharPositionInLine() + 1);
    }
  }

  private UnwrapExpr unwrap(UnwrapContext ctx) throws ParseException {
    UnwrapExpr.Conversion conv = UnwrapExpr.Conversion.NONE;
    if (ctx.conv != null) {
      conv =
          switch (ctx.conv.getType()) {
            case LogQLParser.BYTES_FN -> UnwrapExpr.Conversion.BYTES;
            case LogQLParser.DURATION_FN -> UnwrapExpr.Conversion.DURATION;
            default -> UnwrapExpr.Conversion.DURATION_SECONDS;
          };
    }
    List<LabelFilter> post = new ArrayList<>();
    for (LabelFilterContext f : ctx.labelFilter()) {
      post.add(labelFilter(f));
    }
    return new UnwrapExpr(ctx.identifier().getText(), conv, post);
  }

  private static Grouping grouping(GroupingContext ctx) {
    return new Grouping(ctx.WITHOUT() != null, labels(ctx.labelList()));
  }

  private static List<String> labels(LabelListContext ctx) {
    List<String> out = new ArrayList<>();
    if (ctx != null) {
      for (IdentifierContext id : ctx.identifier()) {
        out.add(id.getText());
      }
    }
    return out;
  }

  // ---- terminals --------------------------------------------------------------------

  private static String string(Token t) throws ParseException {
    try {
      return GoUnquote.unquote(t.getText());
    } catch (IllegalArgumentException e) {
      // the lexer's (text/scanner's) text for a bad escape
      throw new ParseException("invalid char escape", t.getLine(), t.getCharPositionInLine() + 1);
    }
  }

  private static String string(TerminalNode n) throws ParseException {
    return string(n.getSymbol());
  }

  private static double number(Token t) throws ParseException {
    try {
      return Double.parseDouble(t.getText());
    } catch (NumberFormatException e) {
      throw new ParseException("unable to parse literal as a float: " + t.getText());
    }
  }
}
