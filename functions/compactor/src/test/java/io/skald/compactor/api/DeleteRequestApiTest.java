package io.skald.compactor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skald.deletes.DeleteApiException;
import io.skald.deletes.DeleteRequestStore;
import io.skald.deletes.DeletionConfig;
import io.skald.deletes.DeletionMode;
import io.skald.harness.MutableClock;
import io.skald.storage.FileSystemObjectStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeleteRequestApiTest {

  @TempDir Path dir;
  MutableClock clock = new MutableClock(Instant.parse("2026-06-09T00:00:00Z"));

  DeleteRequestApi api(DeletionMode mode) throws Exception {
    return new DeleteRequestApi(
        new DeleteRequestStore(
            new FileSystemObjectStore(dir, "loki-admin"), clock, DeletionConfig.defaults()),
        DeletionConfig.defaults(),
        mode,
        clock);
  }

  @Test
  void addsListsAndCancels() throws Exception {
    DeleteRequestApi api = api(DeletionMode.FILTER_AND_DELETE);
    assertThat(api.list("t", Map.of())).isEqualTo("null\n");
    api.add("t", Map.of("query", "{app=\"x\"} |= \"secret\"", "start", "1780900000"));
    String listed = api.list("t", Map.of());
    assertThat(listed)
        .contains("\"query\":\"{app=\\\"x\\\"} |= \\\"secret\\\"\"", "\"status\":\"received\"");
    String id = listed.replaceAll("(?s).*\"request_id\":\"([0-9a-f]+)\".*", "$1");
    api.cancel("t", Map.of("request_id", id));
    assertThat(api.list("t", Map.of())).isEqualTo("null\n");
    assertThat(api.list("t", Map.of("start", "1780900000"))).isEqualTo("[]\n");
  }

  @Test
  void answersWithLokisErrors() throws Exception {
    DeleteRequestApi api = api(DeletionMode.FILTER_ONLY);
    assertThatThrownBy(() -> api.add("t", Map.of("query", "{app=\"x\"}")))
        .isInstanceOf(DeleteApiException.class)
        .hasMessage("start time not set");
    assertThatThrownBy(() -> api.cancel("t", Map.of("request_id", "nope")))
        .hasMessage("could not find delete request with given id")
        .extracting(e -> ((DeleteApiException) e).status())
        .isEqualTo(404);
    assertThatThrownBy(() -> api(DeletionMode.DISABLED).list("t", Map.of()))
        .hasMessage(DeletionMode.NOT_AVAILABLE)
        .extracting(e -> ((DeleteApiException) e).status())
        .isEqualTo(403);
  }
}
