package io.skald.routes.storageevents.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Bucket notifications as AWS, MinIO and Ceph RGW publish them (test resources), and builders for
 * variations.
 */
public final class Samples {

  private Samples() {}

  public static byte[] file(String name) {
    try (InputStream in = Samples.class.getResourceAsStream("/notifications/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no sample " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A minimal one-record notification; {@code key} is put in as given (already URL-encoded). */
  public static byte[] notification(String eventName, String bucket, String key) {
    return ("{\"Records\":[" + record(eventName, bucket, key) + "]}")
        .getBytes(StandardCharsets.UTF_8);
  }

  public static String record(String eventName, String bucket, String key) {
    return "{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\",\"eventTime\":\"2026-11-25T10:15:30.000Z\","
        + "\"eventName\":\""
        + eventName
        + "\",\"s3\":{\"bucket\":{\"name\":\""
        + bucket
        + "\"},"
        + "\"object\":{\"key\":\""
        + key
        + "\",\"size\":10,\"eTag\":\"e\"}}}";
  }
}
