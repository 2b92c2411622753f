package io.skald.routes.storageevents.notification;

import java.time.Instant;

/**
 * One entry of an S3 bucket notification's {@code Records} array, as far as Skald needs it.
 *
 * @param eventName e.g. {@code ObjectCreated:Put} (AWS, Ceph) or {@code s3:ObjectCreated:Put}
 *     (MinIO)
 * @param eventSource {@code aws:s3}, {@code minio:s3}, {@code ceph:s3}, or null when absent
 * @param eventTime when the store says the event happened, or null when absent or unreadable
 * @param bucket bucket name
 * @param key object key, already URL-decoded
 * @param size object size in bytes, or -1 when the notification does not say
 * @param eTag entity tag without quotes, or null
 */
public record S3EventRecord(
    String eventName,
    String eventSource,
    Instant eventTime,
    String bucket,
    String key,
    long size,
    String eTag) {

  private static final String CREATED = "ObjectCreated:";

  /** True for every {@code ObjectCreated:*} type, with or without MinIO's {@code s3:} prefix. */
  public boolean isObjectCreated() {
    String name = eventName.startsWith("s3:") ? eventName.substring(3) : eventName;
    return name.startsWith(CREATED) && name.length() > CREATED.length();
  }
}
