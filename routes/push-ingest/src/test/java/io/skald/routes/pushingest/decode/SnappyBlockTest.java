package io.skald.routes.pushingest.decode;

import static io.skald.routes.pushingest.decode.PushBodies.snappy;
import static io.skald.routes.pushingest.decode.PushBodies.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SnappyBlockTest {

  @Test
  void readsTheDeclaredLengthAndDecodes() {
    byte[] block = snappy(utf8("abcabcabcabc"));

    assertThat(SnappyBlock.decodedLength(block)).isEqualTo(12);
    assertThat(SnappyBlock.decode(block, 12)).isEqualTo(utf8("abcabcabcabc"));
  }

  @Test
  void largeDeclaredLengthsAreReadWithoutDecoding() {
    assertThat(
            SnappyBlock.decodedLength(
                new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f}))
        .isEqualTo(0xFFFFFFFFL);
  }

  @Test
  void corruptInput() {
    assertThatThrownBy(() -> SnappyBlock.decodedLength(new byte[0]))
        .hasMessage("snappy: corrupt input");
    assertThatThrownBy(() -> SnappyBlock.decodedLength(new byte[] {(byte) 0x80}))
        .hasMessage("snappy: corrupt input");
    assertThatThrownBy(
            () ->
                SnappyBlock.decodedLength(
                    new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x1f}))
        .hasMessage("snappy: corrupt input");
    assertThatThrownBy(() -> SnappyBlock.decode(new byte[] {0x05, 0x00, 0x01}, 5))
        .hasMessage("snappy: corrupt input");
  }
}
