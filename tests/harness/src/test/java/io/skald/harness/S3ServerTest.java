package io.skald.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3ServerTest {

  private static S3Server s3;

  @BeforeAll
  static void startServer() throws Exception {
    long t0 = System.nanoTime();
    s3 = S3Server.start();
    System.out.printf("S3Server.start() took %d ms%n", (System.nanoTime() - t0) / 1_000_000);
  }

  @AfterAll
  static void stopServer() {
    s3.close();
    assertThat(s3.isRunning()).isFalse();
  }

  @Test
  void objectSurvivesKillAndRestart() throws Exception {
    s3.createBucket("harness");
    s3.createBucket("harness"); // idempotent for the owner
    try (S3Client client = client(s3.secretKey())) {
      client.putObject(b -> b.bucket("harness").key("a/b.txt"), RequestBody.fromString("hello"));
      assertThat(read(client, "a/b.txt")).isEqualTo("hello");
    }

    s3.kill();
    assertThat(s3.isRunning()).isFalse();
    long t0 = System.nanoTime();
    s3.restart();
    System.out.printf(
        "S3Server.restart() after kill -9 took %d ms%n", (System.nanoTime() - t0) / 1_000_000);

    try (S3Client client = client(s3.secretKey())) {
      assertThat(read(client, "a/b.txt")).isEqualTo("hello");
    }
  }

  @Test
  void signaturesAreEnforced() throws Exception {
    s3.createBucket("signed");
    try (S3Client client = client("wrong-secret")) {
      assertThatThrownBy(() -> client.listObjectsV2(b -> b.bucket("signed")))
          .isInstanceOf(S3Exception.class)
          .satisfies(e -> assertThat(((S3Exception) e).statusCode()).isEqualTo(403));
    }
  }

  private static String read(S3Client client, String key) {
    return client
        .getObjectAsBytes(b -> b.bucket("harness").key(key))
        .asString(StandardCharsets.UTF_8);
  }

  private static S3Client client(String secret) {
    return S3Client.builder()
        .endpointOverride(s3.endpoint())
        .forcePathStyle(true)
        .region(Region.of(s3.region()))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), secret)))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }
}
