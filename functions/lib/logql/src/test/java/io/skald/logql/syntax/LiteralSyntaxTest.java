package io.skald.logql.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Strings, durations, byte sizes and numbers: parsing and lossless printing. */
class LiteralSyntaxTest {

    @Test
    void prometheusDurations() {
        assertThat(Durations.parsePrometheus("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parsePrometheus("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parsePrometheus("1y")).isEqualTo(Duration.ofDays(365));
        assertThat(Durations.parsePrometheus("2w1d")).isEqualTo(Duration.ofDays(15));
        assertThat(Durations.parsePrometheus("100ms")).isEqualTo(Duration.ofMillis(100));
        assertThat(Durations.parsePrometheus("0")).isEqualTo(Duration.ZERO);
        for (String bad : new String[] {"", "5", "1.5h", "5M", "m", "30m1h", "1h1h", "5us"}) {
            assertThatThrownBy(() -> Durations.parsePrometheus(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void goDurations() {
        assertThat(Durations.parseGo("1.5h")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parseGo("-5m")).isEqualTo(Duration.ofMinutes(-5));
        assertThat(Durations.parseGo("1ms500us")).isEqualTo(Duration.ofNanos(1_500_000));
        assertThat(Durations.parseGo("3µs")).isEqualTo(Duration.ofNanos(3_000));
        assertThat(Durations.parseGo(".5s")).isEqualTo(Duration.ofMillis(500));
        assertThatThrownBy(() -> Durations.parseGo("1d")).hasMessage("time: unknown unit \"d\" in duration \"1d\"");
        assertThatThrownBy(() -> Durations.parseGo("12")).hasMessage("time: missing unit in duration \"12\"");
        assertThat(Durations.parse("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void durationsPrintLosslessly() {
        for (String d : new String[] {"5m", "1h30m", "1d", "1w", "1y", "2y3d", "500ms", "1s500ms", "1ms500us", "-5m",
            "1ns", "0s", "25h", "1h0m1ns"}) {
            Duration v = Durations.parse(d);
            assertThat(Durations.parse(Durations.format(v))).as(d).isEqualTo(v);
        }
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(Durations.format(Duration.ofDays(8))).isEqualTo("8d");
        assertThat(Durations.format(Duration.ofDays(14))).isEqualTo("2w");
        assertThat(Durations.format(Duration.ofMinutes(-5))).isEqualTo("-5m");
    }

    @Test
    void byteSizes() {
        assertThat(ByteSizes.parse("42MB")).isEqualTo(42_000_000L);
        assertThat(ByteSizes.parse("1.5KiB")).isEqualTo(1536L);
        assertThat(ByteSizes.parse("1kB")).isEqualTo(1000L);
        assertThat(ByteSizes.parse("1KB")).isEqualTo(1000L);
        assertThat(ByteSizes.parse("10B")).isEqualTo(10L);
        assertThat(ByteSizes.parse("2PiB")).isEqualTo(2L << 50);
        for (String bad : new String[] {"5mb", "5EB", "5b", "MB", "5XB"}) {
            assertThatThrownBy(() -> ByteSizes.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(ByteSizes.format(1536)).isEqualTo("1536B");
        assertThat(ByteSizes.format(2048)).isEqualTo("2KiB");
        assertThat(ByteSizes.format(42_000_000)).isEqualTo("42MB");
        assertThat(ByteSizes.format(0)).isEqualTo("0B");
    }

    @Test
    void goStringLiterals() {
        assertThat(Strings.unquote("\"a\\tb\\n\\\"c\\\\\"")).isEqualTo("a\tb\n\"c\\");
        assertThat(Strings.unquote("\"\\u00e9\\U0001F600\\x41\\101\"")).isEqualTo("é😀AA");
        assertThat(Strings.unquote("`a\\nb`")).isEqualTo("a\\nb");
        assertThat(Strings.unquote("\"\\xc3\\xa9\\303\\251\"")).isEqualTo("éé");
        for (String bad : new String[] {"\"\\q\"", "\"\\x4\"", "\"\\uD800\"", "\"\\400\"", "\"\\'\""}) {
            assertThatThrownBy(() -> Strings.unquote(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        for (String s : new String[] {"plain", "tab\there", "quote\"back\\slash", "\u0001\u007f", "grüße 🤷", "\u200b",
            "`"}) {
            assertThat(Strings.unquote(Strings.quote(s))).as(s).isEqualTo(s);
        }
        assertThat(Strings.quote("a\"b\n")).isEqualTo("\"a\\\"b\\n\"");
    }

    @Test
    void numbersPrintInShortestPlainForm() {
        assertThat(Strings.formatNumber(1)).isEqualTo("1");
        assertThat(Strings.formatNumber(-0.5)).isEqualTo("-0.5");
        assertThat(Strings.formatNumber(1e21)).isEqualTo("1000000000000000000000");
        assertThat(Strings.formatNumber(1e-7)).isEqualTo("0.0000001");
        assertThat(Strings.formatNumber(-0.0)).isEqualTo("-0");
        assertThat(Strings.formatNumber(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    }
}
