package io.skald.logql.syntax;

import io.skald.gocompat.PromDuration;
import io.skald.labels.Matcher;
import io.skald.logql.syntax.grammar.LogQLLexer;
import io.skald.logql.syntax.grammar.LogQLParser;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;

/** Entry points for parsing LogQL. Thread-safe; every call builds its own lexer and parser. */
public final class LogQL {
    /** Loki's limit on query text (its parser buffer size). */
    static final int MAX_INPUT_SIZE = 131072;

    private LogQL() {
    }

    /**
     * Parses and validates a log or metric query.
     *
     * @throws ParseException with Loki's message text
     */
    public static Expr parse(String query) throws ParseException {
        Expr expr = parseWithoutValidation(query);
        validate(expr);
        return expr;
    }

    /** Parses a query that must be a log query ({@code {...} | ...}). */
    public static LogSelectorExpr parseLogSelector(String query) throws ParseException {
        if (parse(query) instanceof LogSelectorExpr log) {
            return log;
        }
        throw new ParseException("only log selector is supported");
    }

    /** Parses a bare stream selector such as the {@code match[]} of the series API. */
    public static List<Matcher> parseMatchers(String selector) throws ParseException {
        if (parse(selector) instanceof LogSelectorExpr log && log.pipeline().isEmpty()) {
            return log.matchers();
        }
        throw new ParseException("only label matchers are supported");
    }

    /** Parses without the "at least one non-empty matcher" rule (for internal rewrites). */
    public static Expr parseWithoutValidation(String query) throws ParseException {
        if (query.length() >= MAX_INPUT_SIZE) {
            throw new ParseException("input size too long (" + query.length() + " > " + MAX_INPUT_SIZE + ")");
        }
        LogQLLexer lexer = new LogQLLexer(CharStreams.fromString(query)) {
            // Loki's lexer parses the range while scanning it: a bad duration is an error at
            // the '[' even when the query is otherwise fine, and before any later syntax error.
            @Override
            public Token emit() {
                if (_type == RANGE && !isDuration(getText())) {
                    _type = LogQLParser.INVALID_RANGE;
                }
                return super.emit();
            }
        };
        lexer.removeErrorListeners();
        LogQLParser parser = new LogQLParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.setErrorHandler(new SyntaxErrors.ErrorStrategy());
        SyntaxErrors errors = new SyntaxErrors();
        lexer.addErrorListener(errors);
        parser.addErrorListener(errors);
        try {
            return new AstBuilder().root(parser.root());
        } catch (SyntaxErrors.Abort abort) {
            throw abort.parseException();
        }
    }

    private static boolean isDuration(String range) {
        try {
            PromDuration.parse(range.substring(1, range.length() - 1));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Every selector in the query must select specific streams. */
    public static void validate(Expr expr) throws ParseException {
        if (expr instanceof LogSelectorExpr log) {
            log.selector().validate();
        } else if (expr instanceof RangeAggregationExpr r) {
            r.range().left().selector().validate();
        } else if (expr instanceof VectorAggregationExpr v) {
            validate(v.inner());
        } else if (expr instanceof BinOpExpr b) {
            validate(b.lhs());
            validate(b.rhs());
        } else if (expr instanceof LabelReplaceExpr l) {
            validate(l.inner());
        }
    }
}
