package io.skald.routes.pushingest.decode;

import static io.skald.routes.pushingest.decode.PushBodies.deflate;
import static io.skald.routes.pushingest.decode.PushBodies.gzip;
import static io.skald.routes.pushingest.decode.PushBodies.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class InflationTest {
  private static final byte[] DATA = utf8("hello hello hello hello world");

  @Test
  void inflatesGzipAndRawDeflate() {
    assertThat(Inflation.gzip(gzip(DATA), 1000).bytes()).isEqualTo(DATA);
    assertThat(Inflation.deflate(deflate(DATA), 1000).bytes()).isEqualTo(DATA);
  }

  @Test
  void readsConcatenatedGzipMembers() {
    byte[] a = gzip(utf8("ab"));
    byte[] b = gzip(utf8("cd"));
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);

    assertThat(Inflation.gzip(both, 100).bytes()).isEqualTo(utf8("abcd"));
  }

  @Test
  void stopsAtTheLimit() {
    Inflation.Result r = Inflation.gzip(gzip(new byte[100_000]), 11);

    assertThat(r.truncated()).isTrue();
    assertThat(r.bytes()).hasSize(11);
    assertThat(Inflation.gzip(gzip(DATA), DATA.length + 1).truncated()).isFalse();
  }

  @Test
  void goErrorTexts() {
    byte[] gz = gzip(DATA);
    byte[] badCrc = gz.clone();
    badCrc[badCrc.length - 8] ^= 1;

    assertThatThrownBy(() -> Inflation.gzip(new byte[0], 10)).hasMessage("EOF");
    assertThatThrownBy(() -> Inflation.gzip(new byte[] {0x1f, (byte) 0x8b}, 10))
        .hasMessage("unexpected EOF");
    assertThatThrownBy(() -> Inflation.gzip(utf8("not gzip at all"), 10))
        .hasMessage("gzip: invalid header");
    assertThatThrownBy(() -> Inflation.gzip(Arrays.copyOf(gz, gz.length - 4), 1000))
        .hasMessage("unexpected EOF");
    assertThatThrownBy(() -> Inflation.gzip(badCrc, 1000)).hasMessage("gzip: invalid checksum");
    assertThatThrownBy(() -> Inflation.deflate(new byte[] {(byte) 0xff, (byte) 0xff, 0x00}, 1000))
        .hasMessageStartingWith("flate: corrupt input before offset ");
  }

  @Test
  void trailingGarbageAfterAGzipMemberIsAnError() {
    byte[] gz = gzip(DATA);
    byte[] withGarbage = Arrays.copyOf(gz, gz.length + 12);

    assertThatThrownBy(() -> Inflation.gzip(withGarbage, 1000)).hasMessage("gzip: invalid header");
  }
}
