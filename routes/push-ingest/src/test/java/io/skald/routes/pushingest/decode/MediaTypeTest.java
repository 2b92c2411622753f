package io.skald.routes.pushingest.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MediaTypeTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "application/json|application/json",
        "Application/JSON ; charset=utf-8|application/json",
        "application/json;|application/json",
        "application/json; charset=\"utf-8\"|application/json",
        "application/json; a=1; a=1|application/json",
        "application/x-protobuf|application/x-protobuf",
        "json|json",
      })
  void parsesMediaTypes(String header, String expected) {
    assertThat(MediaType.parse(header)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|mime: no media type",
        "; charset=utf-8|mime: no media type",
        "application json|mime: expected slash after first token",
        "application/|mime: expected token after slash",
        "application/json json|mime: unexpected content after media subtype",
        "application/json; charsetutf-8|mime: invalid media parameter",
        "application/json; charset=\"utf-8|mime: invalid media parameter",
        "application/json; a=1; a=2|mime: duplicate parameter name",
      })
  void refusesWithGosTexts(String header, String message) {
    assertThatThrownBy(() -> MediaType.parse(header)).hasMessage(message);
  }
}
