package org.rll.storage.s3;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.rll.core.exceptions.TransientStorageException;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.storage.BlobKeys;
import org.rll.core.storage.BlobStore;
import org.rll.core.storage.PutResult;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A {@link BlobStore} in one S3 bucket: blob key {@code k} is object {@code keyPrefix + k}. Puts
 * stream through {@link S3Uploader}; reads are ranged GETs. Copies use CopyObject, which S3 limits
 * to objects of at most 5 GiB.
 */
public final class S3BlobStore implements BlobStore {
  private final S3Client s3;
  private final S3Settings settings;
  private final S3Uploader uploader;

  /** A store over {@code settings.bucket()}; the caller owns and closes {@code s3}. */
  public S3BlobStore(S3Client s3, S3Settings settings) {
    this.s3 = s3;
    this.settings = settings;
    this.uploader = new S3Uploader(s3, settings);
  }

  @Override
  public PutResult put(String key, InputStream data) {
    return uploader.upload(BlobKeys.check(key), describe(key), data);
  }

  @Override
  public InputStream open(String key, long offset) {
    BlobKeys.check(key);
    ValidationException.check(offset >= 0, "read offset must be >= 0, got %d", offset);
    try {
      Optional<ResponseInputStream<GetObjectResponse>> body =
          S3RangeGet.open(s3, settings.bucket(), settings.objectKey(key), offset);
      if (body.isEmpty()) {
        return InputStream.nullInputStream();
      }
      if (S3RangeGet.bodyOffset(body.get().response(), offset) == 0) {
        skipUnrangedPrefix(body.get(), offset, key);
      }
      return body.get();
    } catch (SdkException e) {
      throw S3Errors.map(e, "read", describe(key), key);
    }
  }

  /** A server that ignored the range sent the whole blob: skip to {@code offset} here. */
  private void skipUnrangedPrefix(InputStream in, long offset, String key) {
    try {
      in.skipNBytes(offset);
    } catch (IOException e) {
      try {
        in.close();
      } catch (IOException closing) {
        e.addSuppressed(closing);
      }
      throw new TransientStorageException("cannot read " + describe(key), e);
    }
  }

  @Override
  public OptionalLong size(String key) {
    BlobKeys.check(key);
    try {
      return OptionalLong.of(
          s3.headObject(b -> b.bucket(settings.bucket()).key(settings.objectKey(key)))
              .contentLength());
    } catch (SdkException e) {
      if (S3Errors.isNotFound(e)) {
        return OptionalLong.empty();
      }
      throw S3Errors.map(e, "stat", describe(key), key);
    }
  }

  @Override
  public void copy(String fromKey, String toKey) {
    BlobKeys.check(fromKey);
    BlobKeys.check(toKey);
    try {
      s3.copyObject(
          b ->
              b.sourceBucket(settings.bucket())
                  .sourceKey(settings.objectKey(fromKey))
                  .destinationBucket(settings.bucket())
                  .destinationKey(settings.objectKey(toKey)));
    } catch (SdkException e) {
      throw S3Errors.map(e, "copy to " + describe(toKey) + " from", describe(fromKey), fromKey);
    }
  }

  /** S3 deletes silently: a HEAD first tells whether there was a blob. */
  @Override
  public boolean delete(String key) {
    if (size(key).isEmpty()) {
      return false;
    }
    try {
      s3.deleteObject(b -> b.bucket(settings.bucket()).key(settings.objectKey(key)));
      return true;
    } catch (SdkException e) {
      throw S3Errors.map(e, "delete", describe(key), key);
    }
  }

  /**
   * Leaves out keys ending in '/': no blob key does, and such objects are folder markers (the S3
   * console's, or a filesystem-backed server's directories).
   */
  @Override
  public List<String> list(String prefix) {
    BlobKeys.checkPrefix(prefix);
    int strip = settings.keyPrefix().length();
    try {
      return s3
          .listObjectsV2Paginator(
              b -> b.bucket(settings.bucket()).prefix(settings.objectKey(prefix)))
          .contents()
          .stream()
          .map(S3Object::key)
          .filter(k -> !k.endsWith("/"))
          .map(k -> k.substring(strip))
          .sorted()
          .toList();
    } catch (SdkException e) {
      throw S3Errors.map(e, "list", describe(prefix), prefix);
    }
  }

  @Override
  public String describe(String key) {
    return "s3://" + settings.bucket() + "/" + settings.objectKey(key);
  }
}
