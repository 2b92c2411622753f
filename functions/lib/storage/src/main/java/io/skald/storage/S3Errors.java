package io.skald.storage;

import java.io.IOException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Turns SDK exceptions (all unchecked) into the store's checked ones, split by whether a retry may
 * help.
 */
final class S3Errors {

  private S3Errors() {}

  static IOException translate(String operation, String bucket, String key, SdkException e) {
    String what = operation + " s3://" + bucket + "/" + key;
    if (e instanceof S3Exception s3) {
      int status = s3.statusCode();
      String message = what + " failed: HTTP " + status + " " + errorCode(s3);
      // 5xx: server trouble; 429 / 503 SlowDown: throttling; 408: request timeout.
      if (status == 404 && "NoSuchBucket".equals(errorCode(s3))) {
        return new NoSuchBucketException(message, e);
      }
      return status >= 500 || status == 429 || status == 408
          ? new RetriableStorageException(message, e)
          : new IOException(message, e);
    }
    if (e instanceof SdkClientException && hasIoCause(e)) {
      // Connection refused / reset, timeouts: the server is unreachable for now.
      return new RetriableStorageException(what + " failed: " + e.getMessage(), e);
    }
    return new IOException(what + " failed: " + e.getMessage(), e);
  }

  /**
   * A 404 about the key. A missing bucket is a configuration error and must not read as "no
   * object".
   */
  static boolean isNoSuchKey(SdkException e) {
    return e instanceof S3Exception s3
        && s3.statusCode() == 404
        && !"NoSuchBucket".equals(errorCode(s3));
  }

  /** 416: the range starts at or past the end of the object. */
  static boolean isRangeNotSatisfiable(SdkException e) {
    return e instanceof S3Exception s3 && s3.statusCode() == 416;
  }

  private static String errorCode(S3Exception e) {
    return e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
  }

  private static boolean hasIoCause(Throwable e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }
}
