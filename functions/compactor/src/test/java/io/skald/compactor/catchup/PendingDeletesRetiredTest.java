package io.skald.compactor.catchup;

import static org.assertj.core.api.Assertions.assertThat;

import io.skald.compactor.merge.PendingDelete;
import io.skald.compactor.merge.PendingDeleteStore;
import io.skald.storage.FileSystemObjectStore;
import io.skald.storage.ObjectInfo;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PendingDeletesRetiredTest {

  private static final LocalDate DAY = LocalDate.of(2026, 11, 25);

  @TempDir Path dir;

  private static ObjectInfo object(String key, String eTag) {
    return new ObjectInfo(key, 10, Instant.EPOCH, eTag);
  }

  @Test
  void objectsNamedByAPendingDeletesRecordOfTheDayAreRetiredInTheVersionItSaw() throws Exception {
    FileSystemObjectStore store = new FileSystemObjectStore(dir, "loki-chunks");
    new PendingDeleteStore(store)
        .save(
            new PendingDelete(
                "fake",
                DAY,
                "r1",
                Instant.EPOCH,
                List.of(
                    new PendingDelete.Candidate(
                        "segments/fake/2026-11-25/0000-1.seg", "v1", PendingDelete.Action.DELETE),
                    new PendingDelete.Candidate(
                        "segments/fake/2026-11-25/c-out-000.seg",
                        null,
                        PendingDelete.Action.RECHECK))));
    new PendingDeleteStore(store)
        .save(
            new PendingDelete(
                "fake",
                DAY.minusDays(1),
                "r2",
                Instant.EPOCH,
                List.of(
                    new PendingDelete.Candidate(
                        "segments/fake/2026-11-24/0000-1.seg",
                        null,
                        PendingDelete.Action.DELETE))));

    Predicate<ObjectInfo> retired = new PendingDeletesRetired(store).of("fake", DAY);
    assertThat(retired.test(object("segments/fake/2026-11-25/0000-1.seg", "v1"))).isTrue();
    assertThat(retired.test(object("segments/fake/2026-11-25/0000-1.seg", "v2")))
        .as("rewritten since")
        .isFalse();
    assertThat(retired.test(object("segments/fake/2026-11-25/c-out-000.seg", "any"))).isTrue();
    assertThat(retired.test(object("segments/fake/2026-11-25/0000-2.seg", "v1"))).isFalse();
    assertThat(
            new PendingDeletesRetired(store)
                .of("other", DAY)
                .test(object("segments/fake/2026-11-25/0000-1.seg", "v1")))
        .isFalse();
  }
}
