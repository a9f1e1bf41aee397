package org.rll.storage.s3;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rll.core.exceptions.BlobNotFoundException;
import org.rll.core.exceptions.ExceptionText;
import org.rll.core.exceptions.RllException;
import org.rll.core.exceptions.StorageAccessException;
import org.rll.core.exceptions.TransientStorageException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The one place where S3 failures become rll exceptions: a missing key is {@link
 * BlobNotFoundException}; server errors, throttling and network faults are {@link
 * TransientStorageException}; every other refusal (403, 400, a missing bucket) is a permanent
 * {@link StorageAccessException}. Messages name the address and the HTTP status and error code, and
 * say what the common codes mean; the server's own message text is left in the cause only, and no
 * credential ever appears.
 */
final class S3Errors {
  private static final Set<String> TRANSIENT_CODES =
      Set.of(
          "SlowDown",
          "Throttling",
          "ThrottlingException",
          "RequestTimeout",
          "InternalError",
          "ServiceUnavailable");

  /** What the permanent error codes a user is likely to meet mean, in a few words. */
  private static final Map<String, String> MEANINGS =
      Map.of(
          "NoSuchBucket", "the bucket does not exist",
          "AccessDenied", "these credentials may not do this",
          "InvalidAccessKeyId", "the server knows no such access key",
          "SignatureDoesNotMatch", "the secret key does not match the access key");

  private S3Errors() {}

  /**
   * Maps {@code e}, raised while doing {@code operation} (a verb such as "read") on {@code
   * address}; {@code key} is the key a {@link BlobNotFoundException} reports.
   */
  static RllException map(SdkException e, String operation, String address, String key) {
    String what = "cannot " + operation + " " + address;
    if (e instanceof AwsServiceException service) {
      int status = service.statusCode();
      String code = errorCode(service);
      if (isNotFound(service)) {
        return new BlobNotFoundException(key);
      }
      String detail = what + ": HTTP " + status + " " + code + meaning(code);
      if (status >= 500 || status == 429 || status == 408 || service.isThrottlingException()) {
        return new TransientStorageException(detail, e);
      }
      if (TRANSIENT_CODES.contains(code)) {
        return new TransientStorageException(detail, e);
      }
      return new StorageAccessException(detail, e);
    }
    Optional<IOException> io = ioCause(e);
    if (io.isPresent()) {
      return new TransientStorageException(
          what
              + ": "
              + e.getClass().getSimpleName()
              + " ("
              + ExceptionText.describe(io.get())
              + ")",
          e);
    }
    if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
      return new TransientStorageException(what + ": " + e.getClass().getSimpleName(), e);
    }
    return new StorageAccessException(what + ": " + e.getClass().getSimpleName(), e);
  }

  /** Whether {@code e} says the object is absent (a 404 that is not a missing bucket). */
  static boolean isNotFound(SdkException e) {
    return e instanceof AwsServiceException service
        && service.statusCode() == 404
        && !"NoSuchBucket".equals(errorCode(service));
  }

  /** Whether {@code e} is a 416: the range starts at or past the end of the object. */
  static boolean isRangeNotSatisfiable(SdkException e) {
    return e instanceof AwsServiceException service && service.statusCode() == 416;
  }

  private static String meaning(String code) {
    String meaning = MEANINGS.get(code);
    return meaning == null ? "" : " (" + meaning + ")";
  }

  private static String errorCode(AwsServiceException e) {
    AwsErrorDetails details = e.awsErrorDetails();
    return details == null || details.errorCode() == null ? "(no code)" : details.errorCode();
  }

  /** The network fault behind {@code e}, if one is: its description says what went wrong. */
  private static Optional<IOException> ioCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException io) {
        return Optional.of(io);
      }
    }
    return Optional.empty();
  }
}
