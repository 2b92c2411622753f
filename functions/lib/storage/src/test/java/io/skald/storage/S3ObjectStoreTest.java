package io.skald.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skald.harness.S3Server;
import io.skald.harness.SharedServers;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The contract against a real S3 server (s3proxy in a child process), listing in pages of 7. */
class S3ObjectStoreTest extends ObjectStoreContractTest {

  private static String bucket;

  @BeforeAll
  static void createBucket() throws Exception {
    bucket = "contract-" + UUID.randomUUID().toString().substring(0, 8);
    SharedServers.s3().createBucket(bucket);
  }

  static S3Config config(S3Server s3, String bucket) {
    return new S3Config(s3.endpoint(), s3.region(), bucket, s3.accessKey(), s3.secretKey(), true);
  }

  @Override
  protected ObjectStore createStore() {
    return new S3ObjectStore(config(SharedServers.s3(), bucket), SMALL_PAGE);
  }

  @Test
  void listingReallyGoesThroughSeveralPages() throws Exception {
    for (int i = 0; i < 2 * SMALL_PAGE + 1; i++) {
      store.put(ns + "k" + i, utf8("v"));
    }
    // The server honours the small page size, so the store's complete answer proves it followed the
    // tokens.
    S3Server s3 = SharedServers.s3();
    try (S3Client raw =
        S3Client.builder()
            .endpointOverride(s3.endpoint())
            .forcePathStyle(true)
            .region(Region.of(s3.region()))
            .httpClient(UrlConnectionHttpClient.create())
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())))
            .build()) {
      var firstPage = raw.listObjectsV2(b -> b.bucket(bucket).prefix(ns).maxKeys(SMALL_PAGE));
      assertThat(firstPage.isTruncated()).isTrue();
      assertThat(firstPage.contents()).hasSize(SMALL_PAGE);
    }
    assertThat(store.list(ns)).hasSize(2 * SMALL_PAGE + 1);
    try (S3ObjectStore defaultPages = new S3ObjectStore(config(SharedServers.s3(), bucket))) {
      assertThat(defaultPages.list(ns)).isEqualTo(store.list(ns));
    }
  }

  @Test
  void missingBucketIsAnErrorNotAnAbsentObject() {
    try (S3ObjectStore wrong =
        new S3ObjectStore(config(SharedServers.s3(), "no-such-bucket-" + UUID.randomUUID()))) {
      assertThatThrownBy(() -> wrong.get("k"))
          .isInstanceOf(NoSuchBucketException.class)
          .isNotInstanceOf(RetriableStorageException.class)
          .hasMessageContaining("404");
      assertThatThrownBy(() -> wrong.list("delete-requests/"))
          .isInstanceOf(NoSuchBucketException.class);
    }
  }

  @Test
  void wrongCredentialsAreNotRetriable() {
    S3Server s3 = SharedServers.s3();
    S3Config bad = new S3Config(s3.endpoint(), s3.region(), bucket, s3.accessKey(), "wrong", true);
    try (S3ObjectStore wrong = new S3ObjectStore(bad)) {
      assertThatThrownBy(() -> wrong.put(ns + "k", new byte[1]))
          .isInstanceOf(java.io.IOException.class)
          .isNotInstanceOf(RetriableStorageException.class)
          .hasMessageContaining("403");
    }
  }
}
