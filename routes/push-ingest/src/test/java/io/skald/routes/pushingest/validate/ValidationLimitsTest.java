package io.skald.routes.pushingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ValidationLimitsTest {

  @Test
  void defaultsAreLokis() {
    ValidationLimits d = ValidationLimits.DEFAULTS;

    assertThat(d.maxLabelNamesPerSeries()).isEqualTo(15);
    assertThat(d.maxLabelNameLength()).isEqualTo(1024);
    assertThat(d.maxLabelValueLength()).isEqualTo(2048);
    assertThat(d.maxLineSize()).isEqualTo(262144);
    assertThat(d.maxLineSizeTruncate()).isFalse();
    assertThat(d.rejectOldSamples()).isTrue();
    assertThat(d.rejectOldSamplesMaxAge()).isEqualTo(Duration.ofDays(7));
    assertThat(d.creationGracePeriod()).isEqualTo(Duration.ofMinutes(10));
    assertThat(d.allowStructuredMetadata()).isTrue();
    assertThat(d.maxStructuredMetadataSize()).isEqualTo(65536);
    assertThat(d.maxStructuredMetadataEntriesCount()).isEqualTo(128);
    assertThat(d.discoverServiceName()).startsWith("service", "app", "application").endsWith("job", "k8s_job_name");
    assertThat(d.discoverLogLevels()).isTrue();
    assertThat(d.logLevelFromJsonMaxDepth()).isEqualTo(2);
    assertThat(d.incrementDuplicateTimestamp()).isFalse();
  }

  @Test
  void builderRoundTrips() {
    assertThat(ValidationLimits.DEFAULTS.toBuilder().build()).isEqualTo(ValidationLimits.DEFAULTS);
    assertThat(ValidationLimits.builder().maxLineSize(0).build().maxLineSize()).isZero();
  }
}
