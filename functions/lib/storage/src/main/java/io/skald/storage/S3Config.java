package io.skald.storage;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Where and how to reach an S3-compatible bucket.
 *
 * @param endpoint {@code http(s)://host[:port]} of an S3-compatible server (MinIO, Ceph RGW,
 *     s3proxy), or null for AWS's own endpoint of {@code region}
 * @param pathStyle {@code true} for {@code endpoint/bucket/key} URLs, which most non-AWS servers
 *     need
 */
public record S3Config(
    URI endpoint,
    String region,
    String bucket,
    String accessKey,
    String secretKey,
    boolean pathStyle) {

  // S3 bucket naming rules (lower case, digits, dots, hyphens; 3-63 characters; alphanumeric at
  // both ends).
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

  public S3Config {
    if (endpoint != null) {
      String scheme = endpoint.getScheme();
      if (!("http".equals(scheme) || "https".equals(scheme)) || endpoint.getHost() == null) {
        throw new IllegalArgumentException(
            "endpoint must be an http(s)://host[:port] URI: " + endpoint);
      }
    }
    requireNonBlank(region, "region");
    requireNonBlank(accessKey, "accessKey");
    requireNonBlank(secretKey, "secretKey");
    if (bucket == null || !BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
      throw new IllegalArgumentException("invalid S3 bucket name: " + bucket);
    }
  }

  /** Keeps the secret out of logs and exception messages. */
  @Override
  public String toString() {
    return "S3Config[endpoint="
        + endpoint
        + ", region="
        + region
        + ", bucket="
        + bucket
        + ", accessKey="
        + accessKey
        + ", secretKey=***, pathStyle="
        + pathStyle
        + "]";
  }

  private static void requireNonBlank(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
