package io.skald.logql.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cases follow Loki's TestDecolorizer. */
class DecolorizeTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("sample text", "sample text"),
        Arguments.of("\033[0;32mgreen\033[0m \033[0;31mred\033[0m", "green red"),
        Arguments.of("\033[1mbold\033[22m and \033]0;title\007 done", "bold and  done"),
        Arguments.of("\u009B31mcsi\u009B0m é", "csi é"),
        Arguments.of("", ""));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void stripsAnsiEscapes(String line, String expected) {
    PipelineFixture.Result r = PipelineFixture.run("| decolorize", line);
    assertThat(r.keep()).isTrue();
    assertThat(r.line()).isEqualTo(expected);
  }
}
