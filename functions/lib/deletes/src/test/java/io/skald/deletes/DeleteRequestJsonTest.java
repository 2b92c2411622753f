package io.skald.deletes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeleteRequestJsonTest {

  @Test
  void writesLokisShape() {
    DeleteRequest r =
        new DeleteRequest(
            "0a1b2c3d",
            "t",
            "{app=\"a<b>\"} |= \"x&y\"",
            1_700_000_000_000_000_000L,
            1_700_003_600_500_000_000L,
            Instant.ofEpochMilli(1_700_100_000_123L),
            List.of(new DeleteShard(1, 2, true), new DeleteShard(2, 3, false)),
            null);
    assertThat(DeleteRequestJson.encode(List.of(r), true))
        .isEqualTo(
            "[{\"request_id\":\"0a1b2c3d\",\"start_time\":1700000000,\"end_time\":1700003600.5,"
                + "\"query\":\"{app=\\\"a\\u003cb\\u003e\\\"} |= \\\"x\\u0026y\\\"\",\"status\":\"50% Complete\","
                + "\"created_at\":1700100000.123,\"user_id\":\"\"}]\n");
  }

  @Test
  void emptyListsAreNullUnlessFilteredByTime() {
    assertThat(DeleteRequestJson.encode(List.of(), true)).isEqualTo("null\n");
    assertThat(DeleteRequestJson.encode(List.of(), false)).isEqualTo("[]\n");
  }

  @Test
  void stringsAndTimesLikeGo() {
    StringBuilder sb = new StringBuilder();
    DeleteRequestJson.string(sb, "a\"\\\n\t\u0001\u2028\uD83D\uDE00\uD800");
    assertThat(sb).hasToString("\"a\\\"\\\\\\n\\t\\u0001\\u2028\uD83D\uDE00\\ufffd\"");
    assertThat(DeleteRequestJson.seconds(0)).isEqualTo("0");
    assertThat(DeleteRequestJson.seconds(1_000)).isEqualTo("1");
    assertThat(DeleteRequestJson.seconds(1_010)).isEqualTo("1.01");
  }
}
