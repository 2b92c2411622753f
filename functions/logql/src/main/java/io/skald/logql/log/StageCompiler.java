package io.skald.logql.log;

import io.skald.logql.syntax.LineFilterExpr;
import io.skald.logql.syntax.ParseException;
import io.skald.logql.syntax.StageExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns syntax stages into runtime stages: one case per {@code StageExpr} record. The
 * syntax package does not know this package, so the parser never builds runtime objects.
 */
final class StageCompiler {
    private StageCompiler() {
    }

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

    private static Stage compile(StageExpr e) {
        if (e instanceof LineFilterExpr f) {
            return LineFilter.compile(f);
        }
        // Parsers, label filters and formatters are compiled by their own stage classes
        // as they are implemented; until then the query is refused instead of mis-evaluated.
        throw new UnsupportedOperationException("pipeline stage not implemented yet: " + e);
    }
}
