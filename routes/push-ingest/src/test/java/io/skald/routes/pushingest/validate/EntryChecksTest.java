package io.skald.routes.pushingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.skald.limits.Limits;
import io.skald.routes.pushingest.model.MetadataPair;
import io.skald.routes.pushingest.model.PushEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntryChecksTest {
  private final EntryChecks checks = new EntryChecks(Limits.DEFAULTS, 100, 200);

  @Test
  void boundariesAreInclusive() {
    assertThat(checks.check("s", new PushEntry(100, "x"))).isNull();
    assertThat(checks.check("s", new PushEntry(200, "x"))).isNull();
    assertThat(checks.check("s", new PushEntry(99, "x")).reason())
        .isEqualTo(IngestRejection.GREATER_THAN_MAX_SAMPLE_AGE);
    assertThat(checks.check("s", new PushEntry(201, "x")).reason())
        .isEqualTo(IngestRejection.TOO_FAR_IN_FUTURE);
  }

  @Test
  void sizesExcludeDetectedLevel() {
    List<MetadataPair> sm =
        List.of(new MetadataPair("k", "é"), new MetadataPair("detected_level", "info"));

    assertThat(EntryChecks.metadataSize(sm)).isEqualTo(3);
    assertThat(EntryChecks.entrySize("ab", sm)).isEqualTo(5);
  }

  @Test
  void lineLengthIsMeasuredInBytes() {
    EntryChecks small = new EntryChecks(Limits.builder().maxLineSize(3).build(), 0, 200);

    assertThat(small.check("s", new PushEntry(1, "éé")).message())
        .isEqualTo(
            "max entry size '3' bytes exceeded for stream 's' while adding an entry with length '4' bytes");
    assertThat(
            new EntryChecks(Limits.builder().maxLineSize(0).build(), 0, 200)
                .check("s", new PushEntry(1, "x".repeat(300_000))))
        .isNull();
  }
}
