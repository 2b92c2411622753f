package io.skald.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Error classification for cases a healthy s3proxy cannot produce on demand (5xx, throttling). */
class S3ErrorsTest {

  @Test
  void serverErrorsAndThrottlingAreRetriable() {
    for (int status : new int[] {500, 502, 503, 429, 408}) {
      assertThat(S3Errors.translate("put", "b", "k", s3Error(status, "X")))
          .as("" + status)
          .isInstanceOf(RetriableStorageException.class)
          .hasMessageContaining("HTTP " + status);
    }
  }

  @Test
  void clientErrorsAreNot() {
    for (int status : new int[] {400, 403, 404, 409}) {
      assertThat(S3Errors.translate("put", "b", "k", s3Error(status, "X")))
          .as("" + status)
          .isNotInstanceOf(RetriableStorageException.class)
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void connectionFailuresAreRetriableButOtherClientFailuresAreNot() {
    SdkClientException refused =
        SdkClientException.create(
            "Unable to execute HTTP request", new ConnectException("refused"));
    SdkClientException misuse = SdkClientException.create("Unable to marshall request");
    assertThat(S3Errors.translate("get", "b", "k", refused))
        .isInstanceOf(RetriableStorageException.class);
    assertThat(S3Errors.translate("get", "b", "k", misuse))
        .isNotInstanceOf(RetriableStorageException.class);
  }

  @Test
  void notFoundMeansNoSuchKeyOnlyWhenTheBucketExists() {
    assertThat(S3Errors.isNoSuchKey(s3Error(404, "NoSuchKey"))).isTrue();
    assertThat(S3Errors.isNoSuchKey(s3Error(404, null)))
        .isTrue(); // HEAD responses carry no error code
    assertThat(S3Errors.isNoSuchKey(s3Error(404, "NoSuchBucket"))).isFalse();
  }

  private static S3Exception s3Error(int status, String code) {
    return (S3Exception)
        S3Exception.builder()
            .statusCode(status)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build())
            .build();
  }
}
