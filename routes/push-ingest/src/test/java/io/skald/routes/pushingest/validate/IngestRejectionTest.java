package io.skald.routes.pushingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IngestRejectionTest {

  @Test
  void codesAreLokisReasonLabels() {
    assertThat(Arrays.stream(IngestRejection.values()).map(IngestRejection::code))
        .containsExactly(
            "rate_limited",
            "line_too_long",
            "greater_than_max_sample_age",
            "too_far_in_future",
            "max_label_names_per_series",
            "label_name_too_long",
            "label_value_too_long",
            "duplicate_label_names",
            "disallowed_structured_metadata",
            "structured_metadata_too_large",
            "structured_metadata_too_many",
            "missing_labels",
            "invalid_labels",
            "request_body_too_large",
            "stream_limit",
            "per_stream_rate_limit",
            "too_far_behind",
            "blocked_ingestion",
            "missing_enforced_labels");
  }

  @Test
  void formatsLokisTemplates() {
    assertThat(IngestRejection.RATE_LIMITED.format("fake", 4194304L, 10L, 7340032L))
        .isEqualTo(
            "ingestion rate limit exceeded for user fake (limit: 4194304 bytes/sec) while attempting to ingest '10' lines "
                + "totaling '7340032' bytes, reduce log volume or contact your Loki administrator to see if the limit "
                + "can be increased");
    assertThat(IngestRejection.MAX_LABEL_NAMES_PER_SERIES.format("{a=\"b\"}", 16, 15))
        .isEqualTo("entry for stream '{a=\"b\"}' has 16 label names; limit 15");
    assertThat(IngestRejection.STREAM_LIMIT.format("{a=\"b\"}", "t"))
        .isEqualTo(
            "maximum active stream limit exceeded when trying to create stream {a=\"b\"}, reduce the number of active "
                + "streams (reduce labels or reduce label values), or contact your Loki administrator to see if the "
                + "limit can be increased, user: 't'");
  }
}
