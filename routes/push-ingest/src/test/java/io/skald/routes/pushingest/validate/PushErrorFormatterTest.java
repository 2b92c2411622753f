package io.skald.routes.pushingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PushErrorFormatterTest {

  @Test
  void aLoneMessageIsPrintedAsIs() {
    assertThat(PushErrorFormatter.group(List.of("boom"))).isEqualTo("boom");
  }

  @Test
  void repeatedMessagesAreCounted() {
    assertThat(PushErrorFormatter.group(List.of("boom", "boom", "boom")))
        .isEqualTo("3 errors like: boom");
  }

  @Test
  void severalDistinctMessagesAreAllCountedEvenOnce() {
    assertThat(PushErrorFormatter.group(List.of("a", "b", "a")))
        .isEqualTo("2 errors like: a; 1 errors like: b");
  }

  @Test
  void nothingToReport() {
    assertThat(PushErrorFormatter.group(List.of())).isNull();
  }

  @Test
  void httpBodyEndsWithANewlineLikeGosHttpError() {
    assertThat(PushErrorFormatter.httpBody("boom")).isEqualTo("boom\n");
  }
}
