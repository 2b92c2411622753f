package io.skald.storage;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@link ObjectStore} on an S3-compatible server through the AWS SDK v2 (url-connection HTTP
 * client).
 */
public final class S3ObjectStore implements ObjectStore {

  /** S3's maximum page; a smaller one lets tests exercise pagination cheaply. */
  static final int DEFAULT_PAGE_SIZE = 1000;

  private final S3Client client;
  private final String bucket;
  private final int pageSize;

  public S3ObjectStore(S3Config config) {
    this(config, DEFAULT_PAGE_SIZE);
  }

  S3ObjectStore(S3Config config, int pageSize) {
    if (pageSize < 1 || pageSize > DEFAULT_PAGE_SIZE) {
      throw new IllegalArgumentException("pageSize must be in 1..1000: " + pageSize);
    }
    this.client = buildClient(config);
    this.bucket = config.bucket();
    this.pageSize = pageSize;
  }

  private static S3Client buildClient(S3Config config) {
    S3ClientBuilder builder =
        S3Client.builder()
            .region(Region.of(config.region()))
            .forcePathStyle(config.pathStyle())
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(config.accessKey(), config.secretKey())))
            .httpClient(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(5))
                    .socketTimeout(Duration.ofSeconds(60))
                    .build())
            // STANDARD: 3 attempts with jittered backoff for 5xx, throttling and I/O errors.
            .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD))
            // Checksum headers only where S3 requires them: older S3-compatible servers reject the
            // SDK's default aws-chunked CRC trailers. Payloads are still covered by the V4
            // signature.
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED);
    if (config.endpoint() != null) {
      builder.endpointOverride(config.endpoint());
    }
    return builder.build();
  }

  @Override
  public String bucket() {
    return bucket;
  }

  @Override
  public void put(String key, byte[] data) throws IOException {
    Keys.requireValidKey(key);
    // A single PUT is atomic in S3: the object is visible whole or not at all.
    call(
        "put",
        key,
        () -> client.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(data)));
  }

  @Override
  public Optional<byte[]> get(String key) throws IOException {
    Keys.requireValidKey(key);
    try {
      return Optional.of(client.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
    } catch (SdkException e) {
      if (S3Errors.isNoSuchKey(e)) {
        return Optional.empty();
      }
      throw S3Errors.translate("get", bucket, key, e);
    }
  }

  @Override
  public byte[] getRange(String key, long offset, int length) throws IOException {
    Keys.requireValidKey(key);
    Keys.requireValidRange(offset, length);
    if (length == 0) {
      // HTTP ranges cannot be empty; still report a missing object like any other read.
      head(key).orElseThrow(() -> new NoSuchObjectException(bucket, key));
      return new byte[0];
    }
    String range = "bytes=" + offset + "-" + (offset + length - 1);
    try {
      return client.getObjectAsBytes(b -> b.bucket(bucket).key(key).range(range)).asByteArray();
    } catch (SdkException e) {
      if (S3Errors.isNoSuchKey(e)) {
        throw new NoSuchObjectException(bucket, key);
      }
      if (S3Errors.isRangeNotSatisfiable(e)) {
        return new byte[0]; // offset at or past the end
      }
      throw S3Errors.translate("getRange", bucket, key, e);
    }
  }

  @Override
  public Optional<ObjectInfo> head(String key) throws IOException {
    Keys.requireValidKey(key);
    try {
      HeadObjectResponse r = client.headObject(b -> b.bucket(bucket).key(key));
      return Optional.of(
          new ObjectInfo(key, r.contentLength(), r.lastModified(), unquote(r.eTag())));
    } catch (SdkException e) {
      if (S3Errors.isNoSuchKey(e)) {
        return Optional.empty();
      }
      throw S3Errors.translate("head", bucket, key, e);
    }
  }

  @Override
  public List<ObjectInfo> list(String prefix) throws IOException {
    Keys.requireValidPrefix(prefix);
    List<ObjectInfo> result = new ArrayList<>();
    String token = null;
    do {
      ListObjectsV2Request.Builder request =
          ListObjectsV2Request.builder()
              .bucket(bucket)
              .prefix(prefix)
              .maxKeys(pageSize)
              .continuationToken(token);
      ListObjectsV2Response page =
          call("list", prefix + "*", () -> client.listObjectsV2(request.build()));
      for (S3Object o : page.contents()) {
        result.add(new ObjectInfo(o.key(), o.size(), o.lastModified(), unquote(o.eTag())));
      }
      token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
    } while (token != null);
    // S3 already lists in UTF-8 order; sorting again guards against servers that do not.
    result.sort((a, b) -> Keys.UTF8_ORDER.compare(a.key(), b.key()));
    return result;
  }

  @Override
  public void delete(String key) throws IOException {
    Keys.requireValidKey(key);
    // DeleteObject answers 204 whether or not the key existed.
    call("delete", key, () -> client.deleteObject(b -> b.bucket(bucket).key(key)));
  }

  @Override
  public void close() {
    client.close();
  }

  @FunctionalInterface
  private interface SdkCall<T> {
    T run();
  }

  private <T> T call(String operation, String key, SdkCall<T> call) throws IOException {
    try {
      return call.run();
    } catch (SdkException e) {
      throw S3Errors.translate(operation, bucket, key, e);
    }
  }

  private static String unquote(String eTag) {
    if (eTag == null) {
      return "";
    }
    return eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")
        ? eTag.substring(1, eTag.length() - 1)
        : eTag;
  }
}
