package io.skald.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class S3ConfigTest {

  private static final URI ENDPOINT = URI.create("http://127.0.0.1:9000");

  @Test
  void acceptsAValidConfigAndHidesTheSecret() {
    S3Config c = new S3Config(ENDPOINT, "us-east-1", "skald-data", "id", "s3cr3t", true);
    assertThat(c.toString()).contains("skald-data").doesNotContain("s3cr3t");
    assertThat(new S3Config(null, "eu-west-1", "my.bucket", "id", "s", false).endpoint()).isNull();
  }

  @Test
  void rejectsInvalidValues() {
    assertThatThrownBy(() -> new S3Config(URI.create("ftp://h"), "r", "bucket", "a", "s", true))
        .hasMessageContaining("endpoint");
    assertThatThrownBy(() -> new S3Config(URI.create("/relative"), "r", "bucket", "a", "s", true))
        .hasMessageContaining("endpoint");
    assertThatThrownBy(() -> new S3Config(ENDPOINT, " ", "bucket", "a", "s", true))
        .hasMessageContaining("region");
    assertThatThrownBy(() -> new S3Config(ENDPOINT, "r", "bucket", "", "s", true))
        .hasMessageContaining("accessKey");
    assertThatThrownBy(() -> new S3Config(ENDPOINT, "r", "bucket", "a", null, true))
        .hasMessageContaining("secretKey");
    for (String bad :
        new String[] {
          null, "ab", "Upper", "-dash", "dash-", "a..b", "under_score", "x".repeat(64)
        }) {
      assertThatThrownBy(() -> new S3Config(ENDPOINT, "r", bad, "a", "s", true))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("bucket");
    }
  }
}
