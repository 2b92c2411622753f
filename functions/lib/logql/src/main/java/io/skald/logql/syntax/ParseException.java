package io.skald.logql.syntax;

/**
 * A query that cannot be parsed or fails validation. The message follows Loki's
 * {@code ParseError}: {@code parse error at line L, col C: <msg>}, or
 * {@code parse error : <msg>} for errors that have no position (semantic checks), because
 * clients and Grafana show these texts verbatim and the HTTP layer returns them as-is.
 */
public class ParseException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String reason;
    private final int line;
    private final int column;

    public ParseException(String reason, int line, int column) {
        super(format(reason, line, column));
        this.reason = reason;
        this.line = line;
        this.column = column;
    }

    /** A validation error without a position. */
    public ParseException(String reason) {
        this(reason, 0, 0);
    }

    private static String format(String reason, int line, int column) {
        if (line == 0 && column == 0) {
            return "parse error : " + reason;
        }
        return "parse error at line " + line + ", col " + column + ": " + reason;
    }

    /** The message without the {@code parse error ...:} prefix. */
    public String reason() {
        return reason;
    }

    /** 1-based line, or 0 when the error has no position. */
    public int line() {
        return line;
    }

    /** 1-based column, or 0 when the error has no position. */
    public int column() {
        return column;
    }
}
