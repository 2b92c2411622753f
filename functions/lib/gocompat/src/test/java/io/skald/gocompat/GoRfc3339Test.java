package io.skald.gocompat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoRfc3339Test {

  @ParameterizedTest
  @CsvSource({
    "2018-12-18T08:28:06.801064-04:00, 1545136086801064000",
    "2018-12-18T12:28:06Z, 1545136086000000000",
    "2018-12-18T12:28:06.1Z, 1545136086100000000",
    "2018-12-18T12:28:06.1234567891234Z, 1545136086123456789",
    "2018-12-18T8:28:06+00:00, 1545121686000000000",
    "1970-01-01T00:00:00Z, 0",
  })
  void parsesLikeGo(String text, long nanos) throws Exception {
    assertThat(GoRfc3339.parseNanos(text)).isEqualTo(nanos);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "yesterday|parsing time \"yesterday\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"yesterday\" as \"2006\"",
        "2018-12-18|parsing time \"2018-12-18\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"\" as \"T\"",
        "2018-12-18 12:28:06Z|parsing time \"2018-12-18 12:28:06Z\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \" 12:28:06Z\" as \"T\"",
        "2018-13-18T12:28:06Z|parsing time \"2018-13-18T12:28:06Z\": month out of range",
        "2018-02-30T12:28:06Z|parsing time \"2018-02-30T12:28:06Z\": day out of range",
        "2018-12-18T12:28:06|parsing time \"2018-12-18T12:28:06\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"\" as \"Z07:00\"",
        "2018-12-18T12:28:06Zjunk|parsing time \"2018-12-18T12:28:06Zjunk\": extra text: \"junk\"",
        "2018-12-18T25:28:06Z|parsing time \"2018-12-18T25:28:06Z\": hour out of range",
      })
  void refusesWithGosTexts(String text, String message) {
    assertThatThrownBy(() -> GoRfc3339.parseNanos(text)).hasMessage(message);
  }
}
