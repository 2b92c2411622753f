package io.skald.logql.syntax;

/** {@code label="expression"} in {@code | json} and {@code | logfmt}; a bare name means both are equal. */
public record LabelExtraction(String label, String expression) {
    @Override
    public String toString() {
        return label.equals(expression) ? label : label + "=" + Strings.quote(expression);
    }
}
