package org.rll.storage.s3;

import java.net.URI;
import java.util.Optional;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.storage.BlobKeys;

/**
 * Where and how the S3 blob store writes. Credentials are deliberately absent: they come from the
 * AWS default provider chain or a provider handed to {@link S3Clients}.
 *
 * @param bucket the bucket every key lives in
 * @param endpoint an endpoint override for S3-compatible servers; empty for AWS S3
 * @param region the signing region
 * @param pathStyle whether to address the bucket in the path rather than the host name
 * @param keyPrefix prepended to every blob key: empty, or a valid key prefix ending in '/'
 * @param partSize bytes per multipart part, from 5 MiB to 1 GiB; the most a put holds in memory
 * @param multipartThreshold blobs shorter than this go up in one request; at most {@code partSize}
 */
public record S3Settings(
    String bucket,
    Optional<URI> endpoint,
    String region,
    boolean pathStyle,
    String keyPrefix,
    int partSize,
    int multipartThreshold) {
  /** The smallest part S3 accepts for every part but the last. */
  public static final int MIN_PART_SIZE = 5 << 20;

  public static final int MAX_PART_SIZE = 1 << 30;
  public static final int DEFAULT_PART_SIZE = 16 << 20;
  public static final String DEFAULT_REGION = "us-east-1";

  public S3Settings {
    S3Location.checkBucket(bucket);
    ValidationException.check(endpoint != null, "S3 endpoint must be given or empty, not null");
    endpoint.ifPresent(S3Settings::checkEndpoint);
    ValidationException.check(
        region != null && region.matches("[a-z0-9-]+"), "invalid S3 region: '%s'", region);
    ValidationException.check(keyPrefix != null, "S3 key prefix must not be null");
    if (!keyPrefix.isEmpty()) {
      ValidationException.check(
          keyPrefix.endsWith("/"), "S3 key prefix must end with '/': '%s'", keyPrefix);
      try {
        BlobKeys.checkPrefix(keyPrefix);
      } catch (ValidationException e) {
        throw new ValidationException(
            "invalid S3 key prefix '" + keyPrefix + "': " + e.getMessage());
      }
    }
    ValidationException.check(
        partSize >= MIN_PART_SIZE && partSize <= MAX_PART_SIZE,
        "S3 part size must be between %d and %d bytes, got %d",
        MIN_PART_SIZE,
        MAX_PART_SIZE,
        partSize);
    ValidationException.check(
        multipartThreshold >= 1 && multipartThreshold <= partSize,
        "S3 multipart threshold must be between 1 and the part size %d, got %d",
        partSize,
        multipartThreshold);
  }

  /** A builder; only the bucket is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The S3 key of blob key {@code key}. */
  public String objectKey(String key) {
    return keyPrefix + key;
  }

  private static void checkEndpoint(URI uri) {
    ValidationException.check(
        uri.isAbsolute()
            && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
            && uri.getHost() != null,
        "S3 endpoint must be an http(s) URI with a host, got '%s'",
        uri);
  }

  /** Builds {@link S3Settings}: {@code setX} for the required bucket, {@code optX} for the rest. */
  public static final class Builder {
    private String bucket;
    private URI endpoint;
    private String region = DEFAULT_REGION;
    private boolean pathStyle;
    private String keyPrefix = "";
    private int partSize = DEFAULT_PART_SIZE;
    private Integer multipartThreshold;

    private Builder() {}

    public Builder setBucket(String bucket) {
      this.bucket = bucket;
      return this;
    }

    public Builder optEndpoint(URI endpoint) {
      this.endpoint = endpoint;
      return this;
    }

    public Builder optRegion(String region) {
      this.region = region;
      return this;
    }

    public Builder optPathStyle(boolean pathStyle) {
      this.pathStyle = pathStyle;
      return this;
    }

    public Builder optKeyPrefix(String keyPrefix) {
      this.keyPrefix = keyPrefix;
      return this;
    }

    public Builder optPartSize(int partSize) {
      this.partSize = partSize;
      return this;
    }

    /** Defaults to the part size: every blob that fits in one part goes up in one request. */
    public Builder optMultipartThreshold(int multipartThreshold) {
      this.multipartThreshold = multipartThreshold;
      return this;
    }

    public S3Settings build() {
      return new S3Settings(
          bucket,
          Optional.ofNullable(endpoint),
          region,
          pathStyle,
          keyPrefix,
          partSize,
          multipartThreshold == null ? partSize : multipartThreshold);
    }
  }
}
