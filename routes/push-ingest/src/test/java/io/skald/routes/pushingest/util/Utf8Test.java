package io.skald.routes.pushingest.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Utf8Test {

  @Test
  void lengthInBytes() {
    assertThat(Utf8.length("abc")).isEqualTo(3);
    assertThat(Utf8.length("é")).isEqualTo(2);
    assertThat(Utf8.length("€")).isEqualTo(3);
    assertThat(Utf8.length("😀")).isEqualTo(4);
    assertThat(Utf8.length("\uD800")).isEqualTo(3);
  }

  @Test
  void truncatesOnCharacterBoundaries() {
    assertThat(Utf8.truncateToBytes("aéb", 2)).isEqualTo("a");
    assertThat(Utf8.truncateToBytes("aéb", 3)).isEqualTo("aé");
    assertThat(Utf8.truncateToBytes("😀x", 3)).isEmpty();
    assertThat(Utf8.truncateToBytes("abc", 10)).isEqualTo("abc");
  }

  @Test
  void comparesInCodePointOrder() {
    assertThat(Utf8.compare("a", "b")).isNegative();
    assertThat(Utf8.compare("ab", "a")).isPositive();
    assertThat(Utf8.compare("\uFFFF", "😀")).isNegative(); // UTF-16 order would say otherwise
    assertThat(Utf8.compare("x", "x")).isZero();
  }
}
