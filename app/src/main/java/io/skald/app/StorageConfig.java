package io.skald.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Object storage settings ({@code skald.storage.*}).
 *
 * @param kind {@code filesystem} (objects under the data dir) or {@code s3}
 * @param bucket bucket for segments and indexes ({@code loki-chunks}, as in the seed deployment)
 * @param adminBucket bucket for delete requests ({@code loki-admin}, as in the seed deployment); a
 *     directory beside the segments bucket's for the file-system store
 * @param s3Endpoint S3 endpoint URL (AWS, MinIO, Ceph RGW); empty means AWS's default endpoint
 * @param s3Region S3 region
 * @param s3AccessKey access key ID
 * @param s3SecretKey secret access key
 * @param s3PathStyle path-style addressing, needed by MinIO and Ceph RGW
 */
@ConfigurationProperties("skald.storage")
public record StorageConfig(
    @Bindable(defaultValue = "filesystem") @Pattern(regexp = "filesystem|s3") String kind,
    @Bindable(defaultValue = "loki-chunks") @NotBlank String bucket,
    @Bindable(defaultValue = "loki-admin") @NotBlank String adminBucket,
    @Nullable String s3Endpoint,
    @Bindable(defaultValue = "us-east-1") @NotBlank String s3Region,
    @Nullable String s3AccessKey,
    @Nullable String s3SecretKey,
    @Bindable(defaultValue = "true") boolean s3PathStyle) {}
