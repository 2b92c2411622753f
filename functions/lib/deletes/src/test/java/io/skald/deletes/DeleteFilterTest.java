package io.skald.deletes;

import static org.assertj.core.api.Assertions.assertThat;

import io.skald.labels.Label;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeleteFilterTest {

  static DeleteRequest request(String query, long startMs, long endMs) {
    return new DeleteRequest(
        "id",
        "t",
        query,
        startMs * 1_000_000L,
        endMs * 1_000_000L,
        Instant.EPOCH,
        List.of(new DeleteShard(startMs * 1_000_000L, endMs * 1_000_000L, false)),
        null);
  }

  @Test
  void matchesStreamTimeAndLine() {
    DeleteFilter f =
        DeleteFilter.of(
            List.of(
                request("{app=\"api\"} |= \"password\"", 1000, 2000),
                request("{app=\"db\"}", 5000, 6000)));
    Map<String, String> api = Map.of("app", "api", "env", "prod");
    Map<String, String> db = Map.of("app", "db");
    assertThat(f.deleted(api, 1_500_000_000L, "password=1")).isTrue();
    assertThat(f.deleted(api, 1_500_000_000L, "nothing")).isFalse();
    assertThat(f.deleted(api, 1_000_000_000L, "password")).as("start inclusive").isTrue();
    assertThat(f.deleted(api, 2_000_000_000L, "password")).as("end inclusive").isTrue();
    assertThat(f.deleted(api, 2_000_000_001L, "password")).isFalse();
    assertThat(f.deleted(api, 999_999_999L, "password")).isFalse();
    assertThat(f.deleted(db, 5_500_000_000L, "anything")).isTrue();
    assertThat(f.deleted(Map.of("app", "web"), 5_500_000_000L, "anything")).isFalse();
    assertThat(f.forStream(Map.of("app", "web"))).isNull();
    assertThat(f.forStream(db).needsLine()).isFalse();
    assertThat(f.mayDelete(api, 0, 999_999_999L)).isFalse();
    assertThat(f.mayDelete(api, 0, 1_000_000_000L)).isTrue();
  }

  @Test
  void pieceFiltersCoverOnlyTheirPiece() {
    DeleteRequest r = request("{app=\"api\"}", 0, 10_000);
    DeleteFilter piece =
        DeleteFilter.forShard(r, new DeleteShard(2_000_000_000L, 3_000_000_000L, false));
    assertThat(piece.deleted(Map.of("app", "api"), 2_500_000_000L, "x")).isTrue();
    assertThat(piece.deleted(Map.of("app", "api"), 3_500_000_000L, "x")).isFalse();
    assertThat(DeleteFilter.of(List.of()).isEmpty()).isTrue();
  }

  @Test
  void filtersSeeStructuredMetadataAndParsedLabels() {
    DeleteFilter f =
        DeleteFilter.of(
            List.of(
                request("{app=\"api\"} | user=\"bob\"", 1000, 2000),
                request("{app=\"api\"} | json | level=\"debug\"", 1000, 2000)));
    DeleteFilter.StreamDeletes api = f.forStream(Map.of("app", "api"));
    assertThat(api.needsLine()).isTrue();
    assertThat(deleted(api, "x", new Label("user", "bob"))).isTrue();
    assertThat(deleted(api, "x", new Label("user", "eve"))).isFalse();
    assertThat(deleted(api, "{\"level\":\"debug\"}")).isTrue();
    assertThat(deleted(api, "{\"level\":\"info\"}")).isFalse();
    assertThat(api.deleted(1_500_000_000L, "{\"level\":\"debug\"}"))
        .as("without metadata")
        .isTrue();
  }

  private static boolean deleted(DeleteFilter.StreamDeletes s, String line, Label... metadata) {
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    return s.deleted(1_500_000_000L, b, 0, b.length, List.of(metadata));
  }
}
