package io.skald.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.util.ZstdVersion;
import io.skald.labels.Label;
import io.skald.segment.SegmentDump.Row;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reads the committed v1 golden files. Every expected value below is written out by hand from the
 * files as committed; none is computed by the writer at test time. If this test fails, the reader
 * broke compatibility with objects already in buckets: fix the reader, never the files.
 */
class ReadsGoldenV1Test {
  private static final long T0 = 1_700_000_000_000_000_000L;
  private static final String API_DEV = "{app=\"api\", env=\"dev\"}";
  private static final String API_PROD = "{app=\"api\", env=\"prod\"}";
  private static final String WEB_DEV = "{app=\"web\", env=\"dev\"}";
  private static final String BATCH = "{job=\"batch\"}";
  private static final String CRON = "{job=\"cron\"}";

  @Test
  void basic() throws Exception {
    byte[] segment = golden("basic.seg");
    assertThat(segment).hasSize(390);

    assertThat(SegmentReader.readFooter(segment))
        .isEqualTo(
            new SegmentFooter(
                1,
                List.of(
                    new StreamInfo(
                        API_DEV,
                        T0 - 1_000_000_000,
                        T0 - 1_000_000_000,
                        1,
                        4,
                        List.of(
                            new BlockRef(
                                5, 30, T0 - 1_000_000_000, T0 - 1_000_000_000, 1, 4, 0x228b94ac))),
                    new StreamInfo(
                        API_PROD,
                        T0 + 100,
                        T0 + 300,
                        5,
                        137,
                        List.of(new BlockRef(35, 134, T0 + 100, T0 + 300, 5, 137, 0x959a7661))),
                    new StreamInfo(
                        WEB_DEV,
                        T0 + 1_000_000_000,
                        T0 + 2_000_000_000,
                        2,
                        41,
                        List.of(
                            new BlockRef(
                                169,
                                78,
                                T0 + 1_000_000_000,
                                T0 + 2_000_000_000,
                                2,
                                41,
                                0x1498f447))))));

    assertThat(SegmentDump.rows(segment))
        .containsExactly(
            row(API_DEV, T0 - 1_000_000_000, "boot"),
            row(API_PROD, T0 + 100, "GET /health 200"),
            row(API_PROD, T0 + 200, "POST /orders 201", "trace_id", "def456"),
            row(API_PROD, T0 + 200, "POST /orders 500", "trace_id", "def456"),
            row(API_PROD, T0 + 200, "POST /orders 201", "trace_id", "zzz"),
            row(API_PROD, T0 + 300, "GET /users 200", "trace_id", "abc123", "user", "ann"),
            row(WEB_DEV, T0 + 1_000_000_000, ""),
            row(WEB_DEV, T0 + 2_000_000_000, "héllo wörld ✓ 日本語 🚀", "emoji", "🚀"));
  }

  @Test
  void multiblock() throws Exception {
    byte[] segment = golden("multiblock.seg");
    assertThat(segment).hasSize(719);

    long ms = 1_000_000;
    assertThat(SegmentReader.readFooter(segment))
        .isEqualTo(
            new SegmentFooter(
                1,
                List.of(
                    new StreamInfo(
                        BATCH,
                        T0,
                        T0 + 23 * ms,
                        24,
                        806,
                        List.of(
                            new BlockRef(5, 142, T0, T0 + 6 * ms, 7, 240, 0xe4db8907),
                            new BlockRef(147, 146, T0 + 7 * ms, T0 + 13 * ms, 7, 226, 0xfd6f6d0d),
                            new BlockRef(293, 148, T0 + 14 * ms, T0 + 20 * ms, 7, 247, 0x84e3fc80),
                            new BlockRef(441, 93, T0 + 21 * ms, T0 + 23 * ms, 3, 93, 0x5b436314))),
                    new StreamInfo(
                        CRON,
                        T0 + 5,
                        T0 + 5,
                        1,
                        4,
                        List.of(new BlockRef(534, 30, T0 + 5, T0 + 5, 1, 4, 0x9a69fb4d))))));

    String[] r1 = {"run", "r1"};
    String[] checkpoint = {"run", "r1", "phase", "checkpoint"};
    assertThat(SegmentDump.rows(segment))
        .containsExactly(
            row(BATCH, T0, "step 00 finished in 10 ms", checkpoint),
            row(BATCH, T0 + ms, "step 01 finished in 17 ms", r1),
            row(BATCH, T0 + 2 * ms, "step 02 finished in 24 ms", r1),
            row(BATCH, T0 + 3 * ms, "step 03 finished in 31 ms", r1),
            row(BATCH, T0 + 4 * ms, "step 04 finished in 38 ms", r1),
            row(BATCH, T0 + 5 * ms, "step 05 finished in 45 ms", checkpoint),
            row(BATCH, T0 + 6 * ms, "step 06 finished in 52 ms", r1),
            row(BATCH, T0 + 7 * ms, "step 07 finished in 59 ms", r1),
            row(BATCH, T0 + 8 * ms, "step 08 finished in 66 ms", r1),
            row(BATCH, T0 + 9 * ms, "step 09 finished in 73 ms", r1),
            row(BATCH, T0 + 10 * ms, "step 10 finished in 80 ms", checkpoint),
            row(BATCH, T0 + 11 * ms, "step 11 finished in 87 ms", r1),
            row(BATCH, T0 + 12 * ms, "step 12 finished in 94 ms", r1),
            row(BATCH, T0 + 13 * ms, "step 13 finished in 101 ms", r1),
            row(BATCH, T0 + 14 * ms, "step 14 finished in 108 ms", r1),
            row(BATCH, T0 + 15 * ms, "step 15 finished in 115 ms", checkpoint),
            row(BATCH, T0 + 16 * ms, "step 16 finished in 122 ms", r1),
            row(BATCH, T0 + 17 * ms, "step 17 finished in 129 ms", r1),
            row(BATCH, T0 + 18 * ms, "step 18 finished in 136 ms", r1),
            row(BATCH, T0 + 19 * ms, "step 19 finished in 143 ms", r1),
            row(BATCH, T0 + 20 * ms, "step 20 finished in 150 ms", checkpoint),
            row(BATCH, T0 + 21 * ms, "step 21 finished in 157 ms", r1),
            row(BATCH, T0 + 22 * ms, "step 22 finished in 164 ms", r1),
            row(BATCH, T0 + 23 * ms, "step 23 finished in 171 ms", r1),
            row(CRON, T0 + 5, "tick"));
  }

  @Test
  void empty() throws Exception {
    byte[] segment = golden("empty.seg");

    assertThat(segment).hasSize(32);
    assertThat(SegmentReader.readFooter(segment)).isEqualTo(new SegmentFooter(1, List.of()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"basic.seg", "multiblock.seg", "empty.seg"})
  void rangedFooterReadMatchesWholeObjectRead(String file) throws Exception {
    byte[] segment = golden(file);
    CountingRangeSource src = new CountingRangeSource(segment);

    assertThat(SegmentReader.readFooter(src)).isEqualTo(SegmentReader.readFooter(segment));
    assertThat(src.reads()).hasSize(1);
  }

  /**
   * The writer must still turn the golden inputs into the same segment. zstd does not promise
   * identical compressed bytes across its releases, so the always-on check compares everything
   * below compression: footer fields except offsets, lengths and CRCs, and each block's
   * decompressed payload byte for byte. Whole-file identity is checked while zstd-jni is still the
   * version that wrote the files; after an upgrade that part is skipped, not failed.
   */
  @ParameterizedTest
  @ValueSource(strings = {"basic.seg", "multiblock.seg", "empty.seg"})
  void writerStillProducesTheGoldenContent(String file) throws Exception {
    byte[] golden = golden(file);
    byte[] fresh = GoldenV1Inputs.write(file);

    assertThat(layout(fresh)).isEqualTo(layout(golden));
    assertThat(blockPayloads(fresh)).containsExactlyElementsOf(blockPayloads(golden));
    if (ZstdVersion.VERSION.equals(GoldenV1Inputs.GENERATED_WITH_ZSTD_JNI)) {
      assertThat(fresh).isEqualTo(golden);
    }
  }

  private static List<String> layout(byte[] segment) throws Exception {
    List<String> out = new ArrayList<>();
    for (StreamInfo s : SegmentReader.readFooter(segment).streams()) {
      out.add(
          s.labels()
              + " "
              + s.minTimeNanos()
              + " "
              + s.maxTimeNanos()
              + " "
              + s.entries()
              + " "
              + s.rawBytes());
      for (BlockRef b : s.blocks()) {
        out.add(
            "  "
                + b.minTimeNanos()
                + " "
                + b.maxTimeNanos()
                + " "
                + b.entries()
                + " "
                + b.rawBytes());
      }
    }
    return out;
  }

  private static List<byte[]> blockPayloads(byte[] segment) throws Exception {
    List<byte[]> out = new ArrayList<>();
    for (StreamInfo s : SegmentReader.readFooter(segment).streams()) {
      for (BlockRef b : s.blocks()) {
        out.add(Frame.read(segment, (int) b.offset(), b.length(), "block"));
      }
    }
    return out;
  }

  private static Row row(String labels, long ts, String line, String... metadata) {
    List<Label> md = new ArrayList<>();
    for (int i = 0; i < metadata.length; i += 2) {
      md.add(new Label(metadata[i], metadata[i + 1]));
    }
    return new Row(labels, ts, line, md);
  }

  private static byte[] golden(String file) throws IOException {
    try (InputStream in = ReadsGoldenV1Test.class.getResourceAsStream("/segment/v1/" + file)) {
      assertThat(in).as(file).isNotNull();
      return in.readAllBytes();
    }
  }
}
