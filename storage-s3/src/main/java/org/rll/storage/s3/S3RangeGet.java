package org.rll.storage.s3;

import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * A GetObject from a byte offset on, shared by the blob store and the dataset source. Offset 0 asks
 * for the whole object (a range on an empty object would be refused); a later offset asks for
 * {@code bytes=offset-}. S3 errors propagate as the SDK raised them.
 */
final class S3RangeGet {
  private S3RangeGet() {}

  /**
   * Opens {@code bucket/objectKey} from {@code offset}; empty when the object exists but {@code
   * offset} is at or past its end.
   */
  static Optional<ResponseInputStream<GetObjectResponse>> open(
      S3Client s3, String bucket, String objectKey, long offset) {
    try {
      return Optional.of(
          s3.getObject(
              b -> {
                b.bucket(bucket).key(objectKey);
                if (offset > 0) {
                  b.range("bytes=" + offset + "-");
                }
              }));
    } catch (SdkException e) {
      if (S3Errors.isRangeNotSatisfiable(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Where the body of {@code response} starts: {@code offset} for a ranged (206) answer, 0 when the
   * server ignored the range and sent the whole object.
   */
  static long bodyOffset(GetObjectResponse response, long offset) {
    return response.contentRange() == null ? 0 : offset;
  }

  /** The whole object's length, from Content-Range when present, else from Content-Length. */
  static OptionalLong totalLength(GetObjectResponse response) {
    String range = response.contentRange();
    if (range != null) {
      String total = range.substring(range.lastIndexOf('/') + 1).trim();
      return total.matches("\\d+") ? OptionalLong.of(Long.parseLong(total)) : OptionalLong.empty();
    }
    Long length = response.contentLength();
    return length == null ? OptionalLong.empty() : OptionalLong.of(length);
  }
}
