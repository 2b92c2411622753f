package io.skald.logql.syntax;

import java.time.Duration;

/**
 * Duration syntax used by LogQL. Ranges take Prometheus durations ({@code 1h30m}, units
 * ms..y); label filters and offsets also accept Go durations ({@code 1.5h}, {@code 300us}).
 */
public final class Durations {
    private static final long MS = 1_000_000L;
    private static final long[] PROM_MULT = {
        365L * 24 * 3600 * 1000, 7L * 24 * 3600 * 1000, 24L * 3600 * 1000, 3600L * 1000, 60L * 1000, 1000L, 1L};
    private static final String[] PROM_UNIT = {"y", "w", "d", "h", "m", "s", "ms"};

    private Durations() {
    }

    /**
     * Parses a Prometheus duration.
     *
     * @throws IllegalArgumentException with Prometheus' message
     */
    public static Duration parsePrometheus(String s) {
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty duration string");
        }
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        long totalMs = 0;
        int lastUnit = -1;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            int unitStart = i;
            while (i < s.length() && !Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (start == unitStart || unitStart == i) {
                throw invalid(s);
            }
            int unit = unitIndex(s.substring(unitStart, i));
            if (unit < 0) {
                throw new IllegalArgumentException(
                        "unknown unit " + Strings.quote(s.substring(unitStart, i)) + " in duration " + Strings.quote(s));
            }
            if (unit <= lastUnit) {
                throw invalid(s);
            }
            lastUnit = unit;
            try {
                long v = Long.parseLong(s.substring(start, unitStart));
                totalMs = Math.addExact(totalMs, Math.multiplyExact(v, PROM_MULT[unit]));
                Math.multiplyExact(totalMs, MS);
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException("duration out of range");
            }
        }
        return Duration.ofMillis(totalMs);
    }

    private static int unitIndex(String unit) {
        for (int u = 0; u < PROM_UNIT.length; u++) {
            if (PROM_UNIT[u].equals(unit)) {
                return u;
            }
        }
        return -1;
    }

    private static IllegalArgumentException invalid(String s) {
        return new IllegalArgumentException("not a valid duration string: " + Strings.quote(s));
    }

    /**
     * Parses a Go duration ({@code time.ParseDuration}): an optional sign and decimal numbers
     * with units ns, us (µs), ms, s, m, h.
     *
     * @throws IllegalArgumentException with Go's message
     */
    public static Duration parseGo(String s) {
        String orig = s;
        boolean neg = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            neg = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("time: invalid duration " + Strings.quote(orig));
        }
        java.math.BigDecimal total = java.math.BigDecimal.ZERO;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            String num = s.substring(start, i);
            if (num.isEmpty() || num.equals(".") || num.indexOf('.') != num.lastIndexOf('.')) {
                throw new IllegalArgumentException("time: invalid duration " + Strings.quote(orig));
            }
            int unitStart = i;
            while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
                i++;
            }
            if (unitStart == i) {
                throw new IllegalArgumentException("time: missing unit in duration " + Strings.quote(orig));
            }
            String unit = s.substring(unitStart, i);
            long nanos = switch (unit) {
                case "ns" -> 1L;
                case "us", "µs", "μs" -> 1_000L;
                case "ms" -> MS;
                case "s" -> 1_000 * MS;
                case "m" -> 60_000 * MS;
                case "h" -> 3_600_000 * MS;
                default -> throw new IllegalArgumentException(
                        "time: unknown unit " + Strings.quote(unit) + " in duration " + Strings.quote(orig));
            };
            total = total.add(new java.math.BigDecimal(num).multiply(java.math.BigDecimal.valueOf(nanos)));
        }
        if (total.compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("time: invalid duration " + Strings.quote(orig));
        }
        long n = total.longValue();
        return Duration.ofNanos(neg ? -n : n);
    }

    /** Loki's rule for label filters and offsets: Prometheus syntax first, then Go's. */
    public static Duration parse(String s) {
        try {
            return parsePrometheus(s);
        } catch (IllegalArgumentException e) {
            return parseGo(s);
        }
    }

    /**
     * Canonical text: Prometheus style ({@code 1h30m}, {@code 1d}) when the value is a
     * non-negative whole number of milliseconds, else Go units ({@code -5m}, {@code 1ms500us}),
     * so that {@link #parse} returns the same value.
     */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        long nanos = d.toNanos();
        StringBuilder sb = new StringBuilder();
        if (nanos > 0 && nanos % MS == 0) {
            long ms = nanos / MS;
            for (int u = 0; u < PROM_MULT.length; u++) {
                // y and w only when they divide the rest exactly, as Prometheus prints them.
                if (u < 2 && ms % PROM_MULT[u] != 0) {
                    continue;
                }
                long v = ms / PROM_MULT[u];
                if (v > 0) {
                    sb.append(v).append(PROM_UNIT[u]);
                    ms -= v * PROM_MULT[u];
                }
            }
            return sb.toString();
        }
        if (nanos < 0) {
            sb.append('-');
            nanos = -nanos;
        }
        long[] mult = {3_600_000 * MS, 60_000 * MS, 1_000 * MS, MS, 1_000L, 1L};
        String[] unit = {"h", "m", "s", "ms", "us", "ns"};
        for (int u = 0; u < mult.length; u++) {
            long v = nanos / mult[u];
            if (v > 0) {
                sb.append(v).append(unit[u]);
                nanos -= v * mult[u];
            }
        }
        return sb.toString();
    }
}
