package org.rll.storage.s3;

import java.net.URI;
import java.util.regex.Pattern;
import org.rll.core.exceptions.ValidationException;

/**
 * An object in S3: a bucket and a key, as written in an {@code s3://bucket/key} URI.
 *
 * @param bucket a bucket name valid under {@link #checkBucket}
 * @param key the object key, not empty
 */
public record S3Location(String bucket, String key) {
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern IP_ADDRESS = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");

  public S3Location {
    checkBucket(bucket);
    ValidationException.check(
        key != null && !key.isEmpty(), "S3 key must not be empty in bucket '%s'", bucket);
  }

  /**
   * Parses {@code s3://bucket/key}; anything else (another scheme, no key, a query or fragment)
   * raises a {@link ValidationException} naming the URI.
   */
  public static S3Location parse(URI uri) {
    ValidationException.check(uri != null, "S3 URI must not be null");
    ValidationException.check(
        "s3".equalsIgnoreCase(uri.getScheme())
            && uri.getRawAuthority() != null
            && uri.getRawQuery() == null
            && uri.getRawFragment() == null
            && uri.getPath() != null
            && uri.getPath().length() > 1,
        "not an s3://bucket/key URI: '%s'",
        uri);
    String bucket = uri.getRawAuthority();
    ValidationException.check(isValidBucket(bucket), "bad bucket name in URI '%s'", uri);
    return new S3Location(bucket, uri.getPath().substring(1));
  }

  /**
   * Returns {@code bucket} if it follows the S3 bucket naming rules (3 to 63 lower-case letters,
   * digits, dots and hyphens; a letter or digit at each end; no '..'; not an IP address; none of
   * the reserved prefixes and suffixes), otherwise throws a {@link ValidationException}.
   */
  public static String checkBucket(String bucket) {
    ValidationException.check(isValidBucket(bucket), "invalid S3 bucket name: '%s'", bucket);
    return bucket;
  }

  private static boolean isValidBucket(String bucket) {
    return bucket != null
        && BUCKET.matcher(bucket).matches()
        && !bucket.contains("..")
        && !IP_ADDRESS.matcher(bucket).matches()
        && !bucket.startsWith("xn--")
        && !bucket.startsWith("sthree-")
        && !bucket.endsWith("-s3alias")
        && !bucket.endsWith("--ol-s3");
  }

  @Override
  public String toString() {
    return "s3://" + bucket + "/" + key;
  }
}
