package io.skald.compactor.merge;

import static org.assertj.core.api.Assertions.assertThat;

import io.skald.storage.FileSystemObjectStore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PendingDeleteStoreTest {

  @TempDir Path dir;

  @Test
  void roundTripsThroughTheStore() throws Exception {
    PendingDeleteStore s = new PendingDeleteStore(new FileSystemObjectStore(dir, "b"));
    PendingDelete r =
        new PendingDelete(
            "t",
            LocalDate.of(2026, 1, 1),
            "id1",
            Instant.ofEpochMilli(1_700_000_000_123L),
            List.of(
                new PendingDelete.Candidate(
                    "segments/t/2026-01-01/0000-1.seg", "e1", PendingDelete.Action.DELETE),
                new PendingDelete.Candidate(
                    "segments/t/2026-01-01/c-x-000.seg", null, PendingDelete.Action.RECHECK)));
    s.save(r);
    assertThat(s.keys(null)).containsExactly("compactor/pending-deletes/t/2026-01-01/id1.json");
    assertThat(s.keys("t")).hasSize(1);
    assertThat(s.keys("other")).isEmpty();
    assertThat(s.load(r.objectKey())).contains(r);
    s.delete(r);
    assertThat(s.keys(null)).isEmpty();
  }
}
