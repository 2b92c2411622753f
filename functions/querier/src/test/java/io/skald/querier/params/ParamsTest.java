package io.skald.querier.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamsTest {

  @Test
  void bytesThatAreNotUtf8ReachTheParserAsEscapes() {
    // The server decoded %FF to U+FFFD; the raw query string keeps the byte.
    Params p =
        Params.of(
            Map.of("query", List.of("{app=\"\uFFFD\"}")),
            () -> "query=%7Bapp%3D%22%FF%22%7D",
            null);
    assertThat(p.get("query")).isEqualTo("{app=\"\uDCFF\"}");
    Params body =
        Params.of(
            Map.of(), null, "query=%7Bapp%3D%22%FF%22%7D".getBytes(StandardCharsets.US_ASCII));
    assertThat(body.get("query")).isEqualTo("{app=\"\uDCFF\"}");
    Params rawBody =
        Params.of(Map.of(), null, new byte[] {'q', '=', (byte) 0xC3, (byte) 0xA9, (byte) 0xFF});
    assertThat(rawBody.get("q")).isEqualTo("\u00e9\uDCFF");
  }

  @Test
  void validTextIsTakenAsTheServerDecodedIt() {
    Params p = Params.of(Map.of("query", List.of("{app=\"\u00e9\"}")), () -> "query=ignored", null);
    assertThat(p.get("query")).isEqualTo("{app=\"\u00e9\"}");
    assertThat(p.get("missing")).isEmpty();
  }

  @Test
  void aMalformedEscapeInTheBodyIsABadRequest() {
    assertThatThrownBy(
            () -> Params.of(Map.of(), null, "query=%zz".getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(BadRequestException.class)
        .hasMessageStartingWith("invalid URL escape in form body: ");
  }
}
