package io.skald.logql.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryTextTest {

  private static String decode(int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      b[i] = (byte) bytes[i];
    }
    return QueryText.decodeUtf8(b);
  }

  @Test
  void validUtf8DecodesAsUsual() {
    String text = "a é € 👌 \uFFFD";
    assertThat(QueryText.decodeUtf8(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
    assertThat(QueryText.firstInvalid(text)).isEqualTo(-1);
  }

  @Test
  void eachInvalidByteBecomesOneLoneSurrogate() {
    assertThat(decode('a', 0xFF, 'b')).isEqualTo("a\uDCFFb");
    assertThat(decode(0xC0, 0x80)).as("overlong").isEqualTo("\uDCC0\uDC80");
    assertThat(decode(0xED, 0xA0, 0x80)).as("surrogate").isEqualTo("\uDCED\uDCA0\uDC80");
    assertThat(decode(0xF4, 0x90, 0x80, 0x80)).as("above U+10FFFF").startsWith("\uDCF4");
    assertThat(decode(0xE2, 0x82, 'x')).as("truncated").isEqualTo("\uDCE2\uDC82x");
    assertThat(decode(0xE2, 0x82, 0xAC)).isEqualTo("€");
    assertThat(QueryText.firstInvalid("ab\uDCFF")).isEqualTo(2);
    assertThat(QueryText.firstInvalid("\uD83D")).as("high surrogate at the end").isZero();
  }

  @Test
  void urlComponentsDecodePlusAndEscapes() {
    assertThat(QueryText.decodeUrlComponent("%7Bapp%3D%22a+b%22%7D")).isEqualTo("{app=\"a b\"}");
    assertThat(QueryText.decodeUrlComponent("x%FF")).isEqualTo("x\uDCFF");
    assertThat(QueryText.decodeUrlComponent("%C3%A9")).isEqualTo("é");
    assertThat(QueryText.decodeUrlComponent("plain")).isEqualTo("plain");
    assertThatThrownBy(() -> QueryText.decodeUrlComponent("%zz"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void formsDecodeInOrderAndKeepRawBytes() {
    String body =
        new String(
            "query=%7Bapp%3D%22%FF%22%7D&match[]=a&match[]=b&flag&x=\u00e9"
                .getBytes(StandardCharsets.UTF_8),
            StandardCharsets.ISO_8859_1);
    assertThat(QueryText.decodeForm(body))
        .containsExactly(
            Map.entry("query", List.of("{app=\"\uDCFF\"}")),
                Map.entry("match[]", List.of("a", "b")),
            Map.entry("flag", List.of("")), Map.entry("x", List.of("\u00e9")));
  }

  @Test
  void serverDecodedParametersAreReadAgainOnlyWhenBytesWereReplaced() {
    Map<String, List<String>> valid = Map.of("q", List.of("\u00e9"));
    assertThat(
            QueryText.queryParameters(
                valid,
                () -> {
                  throw new AssertionError("the raw query is not needed");
                }))
        .isSameAs(valid);
    assertThat(QueryText.queryParameters(Map.of("q", List.of("\uFFFD")), () -> "q=%FF"))
        .containsExactly(Map.entry("q", List.of("\uDCFF")));
  }
}
