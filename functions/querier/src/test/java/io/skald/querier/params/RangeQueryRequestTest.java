package io.skald.querier.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RangeQueryRequestTest {

  private static final long NOW = 1_700_000_000_000_000_000L;

  private static RangeQueryRequest parse(String... kv) {
    Map<String, List<String>> q = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      q.put(kv[i], List.of(kv[i + 1]));
    }
    return RangeQueryRequest.parse(Params.of(q, null, null), NOW);
  }

  @Test
  void defaultsFollowLoki() {
    RangeQueryRequest r = parse("query", "{a=\"b\"}");
    assertThat(r.range()).isEqualTo(new TimeRange(NOW - 3_600_000_000_000L, NOW));
    assertThat(r.limit()).isEqualTo(100);
    assertThat(r.direction()).isEqualTo(Direction.BACKWARD);
    assertThat(r.step()).isEqualTo(Duration.ofSeconds(14)); // floor(3600 / 250)
  }

  @Test
  void sinceShiftsTheStartFromMinOfEndAndNow() {
    RangeQueryRequest r = parse("since", "10m", "end", Long.toString(NOW + 3_600_000_000_000L));
    assertThat(r.range().startNanos()).isEqualTo(NOW - 600_000_000_000L);
  }

  @Test
  void directionIsCaseInsensitive() {
    assertThat(parse("direction", "FORWARD").direction()).isEqualTo(Direction.FORWARD);
    assertThatThrownBy(() -> parse("direction", "sideways"))
        .hasMessage("invalid direction 'sideways'");
  }

  @Test
  void rejectsBadParametersWithLokisTexts() {
    assertThatThrownBy(() -> parse("limit", "0")).hasMessage("limit must be a positive value");
    assertThatThrownBy(() -> parse("limit", "-3")).hasMessage("limit must be a positive value");
    assertThatThrownBy(() -> parse("limit", "ten"))
        .hasMessage("strconv.Atoi: parsing \"ten\": invalid syntax");
    assertThatThrownBy(() -> parse("start", "20", "end", "10"))
        .hasMessage("end timestamp must not be before or equal to start time");
    assertThatThrownBy(() -> parse("step", "0"))
        .hasMessage(
            "zero or negative query resolution step widths are not accepted. Try a positive integer");
    assertThatThrownBy(() -> parse("start", "0", "end", "1000000", "step", "1ms"))
        .hasMessage(
            "exceeded maximum resolution of 11,000 points per time series. Try increasing the value of the step parameter");
    assertThatThrownBy(() -> parse("interval", "-1")).hasMessage("interval must be >= 0");
    assertThatThrownBy(() -> parse("start", "nope"))
        .hasMessage(
            "could not parse 'start' parameter: strconv.ParseInt: parsing \"nope\": invalid syntax");
  }

  @Test
  void equalStartAndEndIsAllowed() {
    assertThat(parse("start", "10", "end", "10").range())
        .isEqualTo(new TimeRange(10_000_000_000L, 10_000_000_000L));
  }

  @Test
  void formBodyAndQueryStringAreMerged() {
    Params p =
        Params.of(
            Map.of("limit", List.of("5")),
            () -> "limit=5",
            "query=%7Bapp%3D%22x%22%7D&match%5B%5D=a&match%5B%5D=b"
                .getBytes(StandardCharsets.US_ASCII));
    assertThat(p.get("query")).isEqualTo("{app=\"x\"}");
    assertThat(p.get("limit")).isEqualTo("5");
    assertThat(p.all("match[]")).containsExactly("a", "b");
  }
}
