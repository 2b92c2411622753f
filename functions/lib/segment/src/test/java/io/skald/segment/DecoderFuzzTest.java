package io.skald.segment;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.skald.labels.Label;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The CRCs catch accidental damage before decoding; these tests feed mutated payloads straight to
 * the decoders (as if the CRC had matched) to prove they still fail only with {@link
 * CorruptSegmentException}, never with an unchecked exception.
 */
class DecoderFuzzTest {
  private static final int ROUNDS = 3000;

  @Test
  void blockDecoderFailsCleanlyOnMutatedPayloads() throws Exception {
    byte[] segment = sample();
    BlockRef ref = SegmentReader.readFooter(segment).streams().get(0).blocks().get(0);
    byte[] payload = Frame.read(segment, (int) ref.offset(), ref.length(), "block");
    Random random = new Random(11);
    for (int i = 0; i < ROUNDS; i++) {
      byte[] mutated = mutate(payload, random);
      assertThatCode(
              () -> {
                try {
                  BlockCursor c = BlockDecoderV1.decode(mutated, ref);
                  while (c.next()) {
                    c.lineString();
                    c.structuredMetadata();
                  }
                } catch (CorruptSegmentException expected) {
                  // fine
                }
              })
          .as("round %d", i)
          .doesNotThrowAnyException();
    }
  }

  @Test
  void footerDecoderFailsCleanlyOnMutatedBodies() throws Exception {
    byte[] segment = sample();
    int footerLength =
        (int)
            SegmentEnds.parseTrailer(segment, segment.length - SegmentFormat.TRAILER_SIZE)
                .footerLength();
    int footerStart = segment.length - SegmentFormat.TRAILER_SIZE - footerLength;
    byte[] body = Frame.read(segment, footerStart, footerLength, "footer");
    Random random = new Random(12);
    for (int i = 0; i < ROUNDS; i++) {
      byte[] mutated = mutate(body, random);
      assertThatCode(
              () -> {
                try {
                  FooterV1.decode(mutated, footerStart);
                } catch (CorruptSegmentException expected) {
                  // fine
                }
              })
          .as("round %d", i)
          .doesNotThrowAnyException();
    }
  }

  @Test
  void frameReaderFailsCleanlyOnMutatedFrames() throws Exception {
    byte[] segment = sample();
    BlockRef ref = SegmentReader.readFooter(segment).streams().get(0).blocks().get(0);
    byte[] stored =
        Arrays.copyOfRange(segment, (int) ref.offset(), (int) ref.offset() + ref.length());
    Random random = new Random(13);
    for (int i = 0; i < ROUNDS; i++) {
      byte[] mutated = mutate(stored, random);
      assertThatCode(
              () -> {
                try {
                  Frame.read(mutated, 0, mutated.length, "block");
                } catch (CorruptSegmentException expected) {
                  // fine
                }
              })
          .as("round %d", i)
          .doesNotThrowAnyException();
    }
  }

  /** One to three random edits: overwrite a byte, drop a tail, or duplicate a slice. */
  private static byte[] mutate(byte[] original, Random random) {
    byte[] b = original.clone();
    for (int edits = 1 + random.nextInt(3); edits > 0 && b.length > 0; edits--) {
      int at = random.nextInt(b.length);
      switch (random.nextInt(3)) {
        case 0 -> b[at] = (byte) random.nextInt(256);
        case 1 -> b = Arrays.copyOf(b, at);
        default -> {
          byte[] longer = Arrays.copyOf(b, b.length + (b.length - at));
          System.arraycopy(b, at, longer, b.length, b.length - at);
          b = longer;
        }
      }
    }
    return b;
  }

  private static byte[] sample() {
    SegmentWriter w = new SegmentWriter();
    for (int i = 0; i < 30; i++) {
      List<Label> md = i % 2 == 0 ? List.of(new Label("k" + i % 3, "v" + i)) : List.of();
      w.append("{s=\"" + i % 3 + "\"}", 1000L * i, ("line " + i).getBytes(UTF_8), md);
    }
    return w.finish();
  }
}
