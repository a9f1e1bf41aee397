package org.rll.storage.s3;

import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.rll.core.dataset.fetch.Source;
import org.rll.core.dataset.fetch.SourceStream;
import org.rll.core.exceptions.BlobNotFoundException;
import org.rll.core.exceptions.ValidationException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;

/**
 * Reads dataset archives named {@code s3://bucket/key}. The bucket comes from the URI, not from the
 * blob store's settings, so one client reads any bucket its credentials (and region) reach. Errors
 * are mapped by {@link S3Errors}: a missing bucket or refused credentials fail for good, and a key
 * that is only a prefix of other objects is named as such.
 */
public final class S3Source implements Source {
  /** Objects counted under a key that names a prefix; S3 lists at most this many at once. */
  private static final int MAX_COUNTED_OBJECTS = 1000;

  private final S3Client s3;

  /** A source over {@code s3}; the caller owns and closes the client. */
  public S3Source(S3Client s3) {
    this.s3 = s3;
  }

  @Override
  public SourceStream open(URI uri, long offset) {
    S3Location location = S3Location.parse(uri);
    ValidationException.check(offset >= 0, "read offset must be >= 0, got %d for %s", offset, uri);
    try {
      Optional<ResponseInputStream<GetObjectResponse>> body =
          S3RangeGet.open(s3, location.bucket(), location.key(), offset);
      if (body.isEmpty()) {
        long length =
            s3.headObject(b -> b.bucket(location.bucket()).key(location.key())).contentLength();
        return new SourceStream(InputStream.nullInputStream(), offset, OptionalLong.of(length));
      }
      GetObjectResponse response = body.get().response();
      return new SourceStream(
          body.get(), S3RangeGet.bodyOffset(response, offset), S3RangeGet.totalLength(response));
    } catch (SdkException e) {
      Optional<String> prefix = S3Errors.isNotFound(e) ? asPrefix(location, e) : Optional.empty();
      if (prefix.isPresent()) {
        throw new BlobNotFoundException(location.toString(), prefix.get());
      }
      throw S3Errors.map(e, "read", location.toString(), location.toString());
    }
  }

  /**
   * For a key with no object but objects under it as a prefix (a "directory"), the message that
   * says so; empty when nothing lies under it, or when listing is not allowed.
   */
  private Optional<String> asPrefix(S3Location location, SdkException notFound) {
    String prefix = location.key().endsWith("/") ? location.key() : location.key() + "/";
    ListObjectsV2Response listing;
    try {
      listing =
          s3.listObjectsV2(
              b -> b.bucket(location.bucket()).prefix(prefix).maxKeys(MAX_COUNTED_OBJECTS));
    } catch (SdkException listFailure) {
      notFound.addSuppressed(listFailure);
      return Optional.empty();
    }
    int count = listing.contents().size();
    if (count == 0) {
      return Optional.empty();
    }
    String objects =
        Boolean.TRUE.equals(listing.isTruncated())
            ? String.format(Locale.ROOT, "more than %,d objects", count)
            : count == 1 ? "1 object" : count + " objects";
    return Optional.of(
        String.format(
            "s3://%s/%s is a prefix of %s, not an object; point the source at an archive",
            location.bucket(), prefix, objects));
  }
}
