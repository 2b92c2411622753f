package io.skald.logql.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MetricJsonTest {

  /** The fields MetricJson writes, inside an object. */
  static String json(MetricResult r) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
      g.writeStartObject();
      MetricJson.writeFields(g, r);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  static Stream<Arguments> values() {
    return Stream.of(
        // Go's strconv.FormatFloat(v, 'f', -1, 64)
        Arguments.of(0.0, "0"),
        Arguments.of(-0.0, "-0"),
        Arguments.of(1.0, "1"),
        Arguments.of(-3.0, "-3"),
        Arguments.of(2.5, "2.5"),
        Arguments.of(0.1, "0.1"),
        Arguments.of(0.1 + 0.2, "0.30000000000000004"),
        Arguments.of(1.0 / 3, "0.3333333333333333"),
        Arguments.of(2.0 / 3, "0.6666666666666666"),
        Arguments.of(1.0 / 60, "0.016666666666666666"),
        Arguments.of(100.0 / 3, "33.333333333333336"),
        Arguments.of(7.0 / 3, "2.3333333333333335"),
        Arguments.of(123456789.123, "123456789.123"),
        Arguments.of(1e-7, "0.0000001"),
        Arguments.of(1.5e-7, "0.00000015"),
        Arguments.of(1e21, "1000000000000000000000"),
        Arguments.of(1e15 + 0.5, "1000000000000000.5"),
        Arguments.of(9007199254740993.0, "9007199254740992"),
        Arguments.of(Math.pow(2, 60), "1152921504606847000"),
        Arguments.of(1.7976931348623157e308, "179769313486231570" + "0".repeat(291)),
        Arguments.of(Double.NaN, "NaN"),
        Arguments.of(Double.POSITIVE_INFINITY, "+Inf"),
        Arguments.of(Double.NEGATIVE_INFINITY, "-Inf"));
  }

  @ParameterizedTest
  @MethodSource("values")
  void formatsValuesAsGo(double v, String expected) {
    assertThat(MetricJson.formatValue(v)).isEqualTo(expected);
  }

  @Test
  void smallestDenormal() {
    assertThat(MetricJson.formatValue(Double.MIN_VALUE)).isEqualTo("0." + "0".repeat(323) + "5");
    assertThat(MetricJson.formatValue(-2 * Double.MIN_VALUE))
        .isEqualTo("-0." + "0".repeat(322) + "1");
    // 2.2250738585072014e-308, the smallest normal
    assertThat(MetricJson.formatValue(Double.MIN_NORMAL))
        .isEqualTo("0." + "0".repeat(307) + "22250738585072014");
  }

  static Stream<Arguments> timestamps() {
    return Stream.of(
        Arguments.of(4000L, "4"),
        Arguments.of(0L, "0"),
        Arguments.of(1500L, "1.5"),
        Arguments.of(1588889221123L, "1588889221.123"),
        Arguments.of(1588889221100L, "1588889221.1"),
        Arguments.of(1588889221001L, "1588889221.001"),
        Arguments.of(1L, "0.001"),
        Arguments.of(-1500L, "-1.5"));
  }

  @ParameterizedTest
  @MethodSource("timestamps")
  void formatsTimestampsAsSeconds(long ms, String expected) {
    assertThat(MetricJson.formatTimestamp(ms)).isEqualTo(expected);
  }

  @Test
  void vector() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("app", "api");
    labels.put("env", "p\"rod");
    assertThat(
            json(
                new VectorResult(
                    List.of(
                        new Sample(labels, 1588889221123L, 0.5),
                        new Sample(Map.of(), 4000, Double.NaN)))))
        .isEqualTo(
            "{\"resultType\":\"vector\",\"result\":["
                + "{\"metric\":{\"app\":\"api\",\"env\":\"p\\\"rod\"},\"value\":[1588889221.123,\"0.5\"]},"
                + "{\"metric\":{},\"value\":[4,\"NaN\"]}]}");
    assertThat(json(new VectorResult(List.of())))
        .isEqualTo("{\"resultType\":\"vector\",\"result\":[]}");
  }

  @Test
  void matrix() {
    assertThat(
            json(
                new MatrixResult(
                    List.of(
                        new Series(
                            Map.of("a", "b"),
                            new long[] {1000, 2500},
                            new double[] {1, Double.POSITIVE_INFINITY}),
                        new Series(Map.of(), new long[] {1000}, new double[] {-2.25})))))
        .isEqualTo(
            "{\"resultType\":\"matrix\",\"result\":["
                + "{\"metric\":{\"a\":\"b\"},\"values\":[[1,\"1\"],[2.5,\"+Inf\"]]},"
                + "{\"metric\":{},\"values\":[[1,\"-2.25\"]]}]}");
    assertThat(json(new MatrixResult(List.of())))
        .isEqualTo("{\"resultType\":\"matrix\",\"result\":[]}");
  }

  @Test
  void scalar() {
    assertThat(json(new ScalarResult(4000, 2)))
        .isEqualTo("{\"resultType\":\"scalar\",\"result\":[4,\"2\"]}");
  }
}
