package io.skald.logql.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Numeric, duration and bytes filters; cases follow Loki's TestBinary_Filter and TestBytes_Filter.
 */
class ComparisonLabelFilterStageTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("| status >= 500", "status=500", true, "{status=\"500\"}"),
        Arguments.of("| status >= 500", "status=404", false, "{status=\"404\"}"),
        Arguments.of("| status == 200", "status=200.0", true, "{status=\"200.0\"}"),
        Arguments.of("| status = 200", "status=2e2", true, "{status=\"2e2\"}"),
        Arguments.of("| status != 200", "status=201", true, "{status=\"201\"}"),
        Arguments.of("| ratio < 0.5", "ratio=0.25", true, "{ratio=\"0.25\"}"),
        Arguments.of("| ratio <= 0.5", "ratio=0.5", true, "{ratio=\"0.5\"}"),
        Arguments.of("| ratio > 0.5", "ratio=NaN", false, "{ratio=\"NaN\"}"),
        Arguments.of("| ratio != 0.5", "ratio=NaN", true, "{ratio=\"NaN\"}"),
        Arguments.of("| status > 100", "other=1", false, "{other=\"1\"}"), // missing label drops
        Arguments.of(
            "| number > 100",
            "number=not_a_number",
            true,
            "{__error__=\"LabelFilterErr\", "
                + "__error_details__=\"strconv.ParseFloat: parsing \\\"not_a_number\\\": invalid syntax\", "
                + "number=\"not_a_number\"}"),
        Arguments.of(
            "| number > 100",
            "number= 5",
            true,
            "{__error__=\"LabelFilterErr\", "
                + "__error_details__=\"strconv.ParseFloat: parsing \\\" 5\\\": invalid syntax\", number=\" 5\"}"),
        Arguments.of("| bar == 1s", "bar=1s", true, "{bar=\"1s\"}"),
        Arguments.of("| bar == 1s", "bar=1000ms", true, "{bar=\"1000ms\"}"),
        Arguments.of("| latency > 250ms", "latency=1.5s", true, "{latency=\"1.5s\"}"),
        Arguments.of("| latency > 250ms", "latency=250ms", false, "{latency=\"250ms\"}"),
        Arguments.of("| latency >= 1h30m", "latency=90m", true, "{latency=\"90m\"}"),
        Arguments.of("| latency < 1s", "latency=300us", true, "{latency=\"300us\"}"),
        Arguments.of(
            "| duration > 3s",
            "duration=2weeeeee",
            true,
            "{__error__=\"LabelFilterErr\", "
                + "__error_details__=\"time: unknown unit \\\"weeeeee\\\" in duration \\\"2weeeeee\\\"\", "
                + "duration=\"2weeeeee\"}"),
        Arguments.of(
            "| duration > 3s",
            "duration=5",
            true,
            "{__error__=\"LabelFilterErr\", "
                + "__error_details__=\"time: missing unit in duration \\\"5\\\"\", duration=\"5\"}"),
        Arguments.of("| bar == 42B", "bar=42B", true, "{bar=\"42B\"}"),
        Arguments.of("| bar == 42kB", "bar=42kB", true, "{bar=\"42kB\"}"),
        Arguments.of("| bar == 42MB", "bar=42MB", true, "{bar=\"42MB\"}"),
        Arguments.of("| bar == 42GB", "bar=42GB", true, "{bar=\"42GB\"}"),
        Arguments.of("| bar == 42TB", "bar=42TB", true, "{bar=\"42TB\"}"),
        Arguments.of("| bar == 42PB", "bar=42PB", true, "{bar=\"42PB\"}"),
        Arguments.of("| bar == 42KiB", "bar=42KiB", true, "{bar=\"42KiB\"}"),
        Arguments.of("| bar == 42MiB", "bar=42MiB", true, "{bar=\"42MiB\"}"),
        Arguments.of("| bar == 42GiB", "bar=42GiB", true, "{bar=\"42GiB\"}"),
        Arguments.of("| bar == 42TiB", "bar=42TiB", true, "{bar=\"42TiB\"}"),
        Arguments.of("| bar == 42PiB", "bar=42PiB", true, "{bar=\"42PiB\"}"),
        Arguments.of("| size > 1.5KiB", "size=1537", true, "{size=\"1537\"}"),
        Arguments.of("| size > 1KB", "size=1 kb", false, "{size=\"1 kb\"}"),
        Arguments.of("| size < 1MB", "size=2,000 B", true, "{size=\"2,000 B\"}"),
        Arguments.of(
            "| bytes > 100B",
            "bytes=2qb",
            true,
            "{__error__=\"LabelFilterErr\", __error_details__=\"unhandled size name: qb\", bytes=\"2qb\"}"));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("cases")
  void compares(String pipeline, String labels, boolean keep, String expected) {
    PipelineFixture.Result r = PipelineFixture.run(pipeline, Fixtures.labels(labels), "line");
    assertThat(r.keep()).isEqualTo(keep);
    assertThat(r.labelsText()).isEqualTo(expected);
  }
}
