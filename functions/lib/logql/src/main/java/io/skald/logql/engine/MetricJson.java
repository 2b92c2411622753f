package io.skald.logql.engine;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Writes metric results as Loki does ({@code pkg/util/marshal/query.go}). The caller owns the
 * envelope: it writes {@code {"status":"success","data":{}, then calls
 * {@link #writeFields} to add {@code "resultType"} and {@code "result"}, then writes
 * {@code "stats"} and closes the objects.
 *
 * <ul>
 *   <li>vector: {@code [{"metric":{...},"value":[<ts>,"<value>"]}, ...]}
 *   <li>matrix: {@code [{"metric":{...},"values":[[<ts>,"<value>"], ...]}, ...]}
 *   <li>scalar: {@code [<ts>,"<value>"]}
 * </ul>
 * Timestamps are JSON numbers in seconds ({@code 1588889221.123}, {@code 4}); values are
 * strings in Go's {@code strconv.FormatFloat(v, 'f', -1, 64)} form, with {@code NaN},
 * {@code +Inf} and {@code -Inf}. Metric labels are written in label-name order.
 */
public final class MetricJson {
  private MetricJson() {}

  /** Writes the {@code "resultType"} and {@code "result"} fields into the current object. */
  public static void writeFields(JsonGenerator g, MetricResult result) throws IOException {
    g.writeStringField("resultType", result.resultType());
    g.writeFieldName("result");
    writeResult(g, result);
  }

  /** Writes the {@code result} value alone. */
  public static void writeResult(JsonGenerator g, MetricResult result) throws IOException {
    if (result instanceof ScalarResult s) {
      writePair(g, s.timestampMs(), s.value());
    } else if (result instanceof VectorResult v) {
      g.writeStartArray();
      for (Sample s : v.samples()) {
        g.writeStartObject();
        writeMetric(g, s.labels());
        g.writeFieldName("value");
        writePair(g, s.timestampMs(), s.value());
        g.writeEndObject();
      }
      g.writeEndArray();
    } else {
      g.writeStartArray();
      for (Series s : ((MatrixResult) result).series()) {
        g.writeStartObject();
        writeMetric(g, s.labels());
        g.writeArrayFieldStart("values");
        long[] ts = s.timestampsMs();
        double[] vs = s.values();
        for (int i = 0; i < vs.length; i++) {
          writePair(g, ts[i], vs[i]);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
    }
  }

  private static void writeMetric(JsonGenerator g, Map<String, String> labels) throws IOException {
    g.writeObjectFieldStart("metric");
    for (Map.Entry<String, String> e : labels.entrySet()) {
      g.writeStringField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
  }

  private static void writePair(JsonGenerator g, long timestampMs, double value)
      throws IOException {
    g.writeStartArray();
    g.writeNumber(formatTimestamp(timestampMs));
    g.writeString(formatValue(value));
    g.writeEndArray();
  }

  /**
   * A millisecond timestamp as Prometheus' {@code model.Time.String()}: seconds, shortest form
   * ({@code 4}, {@code 1588889221.123}, {@code 1.5}).
   */
  public static String formatTimestamp(long timestampMs) {
    if (timestampMs % 1000 == 0) {
      return Long.toString(timestampMs / 1000);
    }
    return formatValue((double) timestampMs / 1000.0);
  }

  /**
   * Go's {@code strconv.FormatFloat(v, 'f', -1, 64)}: the shortest decimal that reads back as
   * {@code v}, never in exponent form; {@code NaN}, {@code +Inf}, {@code -Inf}, {@code -0}.
   */
  public static String formatValue(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    if (v == 0) {
      return Double.doubleToRawLongBits(v) < 0 ? "-0" : "0";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return shortest(v).toPlainString();
  }

  /** The shortest decimal that rounds back to v, the closest one among those. */
  static BigDecimal shortest(double v) {
    // Double.toString round-trips; before JDK 19 it is not always the shortest or closest.
    BigDecimal printed = new BigDecimal(Double.toString(v)).stripTrailingZeros();
    if (printed.precision() <= 15 && Math.abs(v) >= Double.MIN_NORMAL) {
      // A normal double has at most one decimal of 15 or fewer significant digits that
      // reads back as it, and this one cannot be shortened (no trailing zero): Go's answer.
      return printed;
    }
    // Whether rounding to p digits reads back as v is monotone in p: binary search.
    BigDecimal exact = new BigDecimal(v);
    int lo = 1;
    int hi = 17;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      BigDecimal r = exact.round(new MathContext(mid, RoundingMode.HALF_EVEN));
      if (r.doubleValue() == v) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return exact.round(new MathContext(lo, RoundingMode.HALF_EVEN)).stripTrailingZeros();
  }
}
