package io.skald.logql.log;

import io.skald.logql.syntax.DecolorizeExpr;
import io.skald.logql.syntax.DropLabelsExpr;
import io.skald.logql.syntax.JsonParserExpr;
import io.skald.logql.syntax.KeepLabelsExpr;
import io.skald.logql.syntax.LabelFilterExpr;
import io.skald.logql.syntax.LabelFormatExpr;
import io.skald.logql.syntax.LineFilterExpr;
import io.skald.logql.syntax.LineFormatExpr;
import io.skald.logql.syntax.LogfmtParserExpr;
import io.skald.logql.syntax.ParseException;
import io.skald.logql.syntax.PatternParserExpr;
import io.skald.logql.syntax.RegexpParserExpr;
import io.skald.logql.syntax.StageExpr;
import io.skald.logql.syntax.UnpackParserExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns syntax stages into runtime stages: one case per {@code StageExpr} record. The syntax
 * package does not know this package, so the parser never builds runtime objects.
 */
final class StageCompiler {
  private StageCompiler() {}

  static List<Stage> compile(List<StageExpr> exprs) throws ParseException {
    List<Stage> out = new ArrayList<>(exprs.size());
    for (StageExpr e : exprs) {
      try {
        out.add(compile(e));
      } catch (IllegalArgumentException err) {
        throw new ParseException("stage '" + e + "' : " + err.getMessage());
      }
    }
    return out;
  }

  /**
   * @throws IllegalArgumentException with the reason when the stage is invalid
   */
  static Stage compile(StageExpr e) {
    if (e instanceof LineFilterExpr f) {
      return LineFilter.compile(f);
    }
    if (e instanceof LabelFilterExpr f) {
      return LabelFilters.compile(f.filter());
    }
    if (e instanceof JsonParserExpr j) {
      return j.extractions().isEmpty()
          ? new JsonParser()
          : JsonExpressionParser.compile(j.extractions());
    }
    if (e instanceof LogfmtParserExpr l) {
      return l.extractions().isEmpty()
          ? new LogfmtParser(l.strict(), l.keepEmpty())
          : LogfmtExpressionParser.compile(l.strict(), l.extractions());
    }
    if (e instanceof RegexpParserExpr r) {
      return RegexpParser.compile(r.regex());
    }
    if (e instanceof PatternParserExpr p) {
      return PatternParser.compile(p.pattern());
    }
    if (e instanceof UnpackParserExpr) {
      return new UnpackParser();
    }
    if (e instanceof LineFormatExpr f) {
      return LineFormatter.compile(f.template());
    }
    if (e instanceof LabelFormatExpr f) {
      return LabelsFormatter.compile(f.formats());
    }
    if (e instanceof DecolorizeExpr) {
      return Decolorize.INSTANCE;
    }
    if (e instanceof DropLabelsExpr d) {
      return new DropLabels(d.labels());
    }
    KeepLabelsExpr k = (KeepLabelsExpr) e;
    return new KeepLabels(k.labels());
  }
}
