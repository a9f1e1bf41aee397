package org.rll.storage.s3;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.rll.core.exceptions.TransientStorageException;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.storage.PutResult;
import org.rll.core.storage.Sha256Counter;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Streams one blob to S3 with at most one part in memory. A blob shorter than the multipart
 * threshold goes up in a single PutObject; a longer one as a multipart upload, part by part, that
 * is aborted on any failure so that neither an object nor a pending upload is left behind. Either
 * way the object appears whole or not at all. (A bucket lifecycle rule that aborts incomplete
 * uploads still helps where the process dies before the abort.)
 */
final class S3Uploader {
  /** S3 allows at most this many parts per upload. */
  static final int MAX_PARTS = 10_000;

  private final S3Client s3;
  private final S3Settings settings;

  S3Uploader(S3Client s3, S3Settings settings) {
    this.s3 = s3;
    this.settings = settings;
  }

  /** Uploads {@code data} to blob {@code key}, described as {@code address} in messages. */
  PutResult upload(String key, String address, InputStream data) {
    String objectKey = settings.objectKey(key);
    Sha256Counter counter = new Sha256Counter(data);
    PartBuffer buffer = new PartBuffer(settings.partSize());
    try {
      boolean ended = buffer.fill(counter);
      if (ended && buffer.length() < settings.multipartThreshold()) {
        s3.putObject(b -> b.bucket(settings.bucket()).key(objectKey), buffer.body());
      } else {
        uploadParts(objectKey, address, counter, buffer, ended);
      }
    } catch (SdkException e) {
      throw S3Errors.map(e, "write", address, key);
    } catch (IOException e) {
      throw new TransientStorageException("cannot read the data for " + address, e);
    }
    return counter.result(key);
  }

  private void uploadParts(
      String objectKey, String address, InputStream data, PartBuffer buffer, boolean ended)
      throws IOException {
    String uploadId =
        s3.createMultipartUpload(b -> b.bucket(settings.bucket()).key(objectKey)).uploadId();
    try {
      List<CompletedPart> parts = new ArrayList<>();
      boolean done = ended;
      // A blob that is an exact multiple of the part size ends with an empty fill: skip it.
      while (buffer.length() > 0 || parts.isEmpty()) {
        parts.add(uploadPart(objectKey, address, uploadId, parts.size() + 1, buffer));
        if (done) {
          break;
        }
        done = buffer.fill(data);
      }
      s3.completeMultipartUpload(
          b ->
              b.bucket(settings.bucket())
                  .key(objectKey)
                  .uploadId(uploadId)
                  .multipartUpload(m -> m.parts(parts)));
    } catch (IOException | RuntimeException e) {
      abort(objectKey, uploadId, e);
      throw e;
    }
  }

  private CompletedPart uploadPart(
      String objectKey, String address, String uploadId, int number, PartBuffer buffer) {
    ValidationException.check(
        number <= MAX_PARTS,
        "%s is longer than %d parts of %d bytes: raise the part size",
        address,
        MAX_PARTS,
        settings.partSize());
    String eTag =
        s3.uploadPart(
                b ->
                    b.bucket(settings.bucket())
                        .key(objectKey)
                        .uploadId(uploadId)
                        .partNumber(number)
                        .contentLength((long) buffer.length()),
                buffer.body())
            .eTag();
    return CompletedPart.builder().partNumber(number).eTag(eTag).build();
  }

  private void abort(String objectKey, String uploadId, Exception cause) {
    try {
      s3.abortMultipartUpload(b -> b.bucket(settings.bucket()).key(objectKey).uploadId(uploadId));
    } catch (SdkException e) {
      cause.addSuppressed(e);
    }
  }
}
