package org.rll.activities.storage;

import java.io.InputStream;
import java.net.URI;
import java.util.Optional;
import java.util.OptionalLong;
import org.rll.core.dataset.fetch.Source;
import org.rll.core.dataset.fetch.SourceStream;
import org.rll.core.exceptions.ValidationException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Reads dataset archives named {@code s3://bucket/key}. The bucket comes from the URI, not from the
 * blob store's settings, so one client reads any bucket its credentials (and region) reach.
 */
public final class S3Source implements Source {
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
      throw S3Errors.map(e, "read", location.toString(), location.toString());
    }
  }
}
