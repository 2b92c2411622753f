package io.skald.logql.syntax;

import io.skald.labels.Matcher;
import java.util.List;

/** A log query: a stream selector followed by a (possibly empty) pipeline. */
public record LogSelectorExpr(StreamSelector selector, List<StageExpr> pipeline) implements Expr {
    public LogSelectorExpr {
        pipeline = List.copyOf(pipeline);
    }

    public List<Matcher> matchers() {
        return selector.matchers();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(selector.toString());
        for (StageExpr stage : pipeline) {
            sb.append(' ').append(stage);
        }
        return sb.toString();
    }
}
