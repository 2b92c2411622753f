package io.skald.deletes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeleteFilterTest {

  static DeleteRequest request(String query, long startMs, long endMs) {
    return new DeleteRequest("id", "t", query, startMs * 1_000_000L, endMs * 1_000_000L,
        Instant.EPOCH, List.of(new DeleteShard(startMs * 1_000_000L, endMs * 1_000_000L, false)), null);
  }

  @Test
  void matchesStreamTimeAndLine() {
    DeleteFilter f = DeleteFilter.of(List.of(
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
    DeleteFilter piece = DeleteFilter.forShard(r, new DeleteShard(2_000_000_000L, 3_000_000_000L, false));
    assertThat(piece.deleted(Map.of("app", "api"), 2_500_000_000L, "x")).isTrue();
    assertThat(piece.deleted(Map.of("app", "api"), 3_500_000_000L, "x")).isFalse();
    assertThat(DeleteFilter.of(List.of()).isEmpty()).isTrue();
  }
}
