package io.skald.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skald.segment.BlockRef;
import io.skald.segment.StreamInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexCodecTest {

  private static final LocalDate DAY = LocalDate.of(2026, 11, 25);

  private static IndexedSegment segment(String key, String labels, long min, long max) {
    return new IndexedSegment(
        key,
        1234,
        List.of(
            new StreamInfo(
                labels,
                min,
                max,
                10,
                800,
                List.of(new BlockRef(5, 210, min, max, 10, 800, 305419896)))));
  }

  @Test
  void readsTheGoldenV1Index() throws Exception {
    TenantDayIndex index = IndexCodec.decode(golden());
    assertThat(index.tenant()).isEqualTo("fake");
    assertThat(index.day()).isEqualTo(DAY);
    assertThat(index.segments())
        .containsExactly(
            segment(
                "segments/fake/2026-11-25/0001-00000000000000000042.seg",
                "{app=\"api\", service_name=\"api\"}",
                1764028800000000000L,
                1764028805000000000L));
  }

  @Test
  void writesTheGoldenV1IndexByteForByte() throws Exception {
    TenantDayIndex index = IndexCodec.decode(golden());
    assertThat(new String(IndexCodec.encode(index), StandardCharsets.UTF_8))
        .isEqualTo(new String(golden(), StandardCharsets.UTF_8).strip());
  }

  @Test
  void roundTripsSegmentsSortedByKey() throws Exception {
    TenantDayIndex index = TenantDayIndex.empty("t-1", DAY);
    index.put(segment("segments/t-1/2026-11-25/0002-00000000000000000001.seg", "{a=\"x\"}", 1, 2));
    index.put(
        segment("segments/t-1/2026-11-25/0001-00000000000000000009.seg", "{a=\"y\\\"q\"}", 3, 4));
    TenantDayIndex back = IndexCodec.decode(IndexCodec.encode(index));
    assertThat(back.segments()).isEqualTo(index.segments());
    assertThat(back.segments().get(0).key()).endsWith("0001-00000000000000000009.seg");
  }

  @Test
  void reindexingAKeyReplacesItsEntry() {
    TenantDayIndex index = TenantDayIndex.empty("t", DAY);
    index.put(segment("segments/t/2026-11-25/0001-00000000000000000001.seg", "{a=\"1\"}", 1, 2));
    index.put(segment("segments/t/2026-11-25/0001-00000000000000000001.seg", "{a=\"2\"}", 1, 2));
    assertThat(index.segments()).hasSize(1);
    assertThat(index.segments().get(0).streams().get(0).labels()).isEqualTo("{a=\"2\"}");
  }

  @Test
  void rejectsOtherVersionsAndGarbage() {
    assertThatThrownBy(
            () ->
                IndexCodec.decode(
                    "{\"version\":2,\"tenant\":\"a\",\"day\":\"2026-01-01\"}".getBytes()))
        .isInstanceOf(CorruptIndexException.class);
    assertThatThrownBy(() -> IndexCodec.decode("not json".getBytes()))
        .isInstanceOf(CorruptIndexException.class);
    assertThatThrownBy(() -> IndexCodec.decode(new byte[0]))
        .isInstanceOf(CorruptIndexException.class);
  }

  private static byte[] golden() throws IOException {
    try (InputStream in = IndexCodecTest.class.getResourceAsStream("/index/v1/golden.json")) {
      return in.readAllBytes();
    }
  }
}
