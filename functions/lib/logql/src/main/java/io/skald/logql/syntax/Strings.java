package io.skald.logql.syntax;

/** Go-compatible string literal quoting and unquoting, as LogQL strings use Go's rules. */
public final class Strings {
    private Strings() {
    }

    /** Quotes like Go's {@code strconv.Quote}: printable characters stay, others are escaped. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case 0x07 -> sb.append("\\a");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case 0x0b -> sb.append("\\v");
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        sb.append(String.format("\\x%02x", cp));
                    } else if (isPrintable(cp)) {
                        sb.appendCodePoint(cp);
                    } else if (cp < 0x10000) {
                        sb.append(String.format("\\u%04x", cp));
                    } else {
                        sb.append(String.format("\\U%08x", cp));
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static boolean isPrintable(int cp) {
        int t = Character.getType(cp);
        return cp < 0x80 || !(t == Character.CONTROL || t == Character.FORMAT || t == Character.UNASSIGNED
                || t == Character.SURROGATE || t == Character.PRIVATE_USE
                || t == Character.LINE_SEPARATOR || t == Character.PARAGRAPH_SEPARATOR
                || (t == Character.SPACE_SEPARATOR && cp != ' '));
    }

    /**
     * Unquotes a double-quoted (Go escapes) or back-quoted (raw) literal, including the
     * quotes. {@code \\xHH} and octal escapes are bytes, so {@code "\\xc3\\xa9"} is "é" as in Go.
     *
     * @throws IllegalArgumentException {@code invalid char escape} for a bad escape
     */
    public static String unquote(String lit) {
        char q = lit.charAt(0);
        String body = lit.substring(1, lit.length() - 1);
        if (q == '`') {
            return body.replace("\r", "");
        }
        if (body.indexOf('\\') < 0) {
            return body;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(body.length());
        StringBuilder pending = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\') {
                pending.append(c);
                continue;
            }
            char e = body.charAt(++i);
            switch (e) {
                case 'a' -> pending.append('\u0007');
                case 'b' -> pending.append('\b');
                case 'f' -> pending.append('\f');
                case 'n' -> pending.append('\n');
                case 'r' -> pending.append('\r');
                case 't' -> pending.append('\t');
                case 'v' -> pending.append('\u000b');
                case '\\' -> pending.append('\\');
                case '"' -> pending.append('"');
                case 'u', 'U' -> {
                    int digits = e == 'u' ? 4 : 8;
                    int v = hex(body, i + 1, digits);
                    if (!Character.isValidCodePoint(v) || (v >= 0xD800 && v <= 0xDFFF)) {
                        throw badEscape();
                    }
                    pending.appendCodePoint(v);
                    i += digits;
                }
                case 'x' -> {
                    flush(pending, out);
                    out.write(hex(body, i + 1, 2));
                    i += 2;
                }
                default -> {
                    if (e < '0' || e > '7' || i + 3 > body.length()) {
                        throw badEscape();
                    }
                    int v;
                    try {
                        v = Integer.parseInt(body.substring(i, i + 3), 8);
                    } catch (NumberFormatException ex) {
                        throw badEscape();
                    }
                    if (v > 255) {
                        throw badEscape();
                    }
                    flush(pending, out);
                    out.write(v);
                    i += 2;
                }
            }
        }
        flush(pending, out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void flush(StringBuilder pending, java.io.ByteArrayOutputStream out) {
        out.writeBytes(pending.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        pending.setLength(0);
    }

    private static int hex(String body, int from, int digits) {
        if (from + digits > body.length()) {
            throw badEscape();
        }
        try {
            return Integer.parseUnsignedInt(body.substring(from, from + digits), 16);
        } catch (NumberFormatException ex) {
            throw badEscape();
        }
    }

    private static IllegalArgumentException badEscape() {
        return new IllegalArgumentException("invalid char escape");
    }

    /** Shortest plain decimal form of a double, like Go's {@code FormatFloat(v, 'f', -1, 64)}. */
    public static String formatNumber(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == 0 && 1 / v < 0) {
            return "-0";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
