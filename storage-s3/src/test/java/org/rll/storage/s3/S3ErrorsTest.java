package org.rll.storage.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.rll.core.exceptions.BlobNotFoundException;
import org.rll.core.exceptions.RllException;
import org.rll.core.exceptions.StorageAccessException;
import org.rll.core.exceptions.TransientStorageException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3ErrorsTest {

  private static S3Exception service(int status, String code) {
    return (S3Exception)
        S3Exception.builder()
            .statusCode(status)
            .message("server text with secret-abc")
            .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build())
            .build();
  }

  private static RllException map(SdkException e) {
    return S3Errors.map(e, "read", "s3://b/p/k", "k");
  }

  @Test
  void aMissingKeyIsBlobNotFoundWithTheBlobKey() {
    RllException e = map(service(404, "NoSuchKey"));
    assertEquals("k", assertInstanceOf(BlobNotFoundException.class, e).key());
    assertInstanceOf(BlobNotFoundException.class, map(service(404, null)));
    assertTrue(S3Errors.isNotFound(service(404, "NoSuchKey")));
  }

  @Test
  void aMissingBucketIsPermanentNotAMissingBlob() {
    RllException e = map(service(404, "NoSuchBucket"));
    assertInstanceOf(StorageAccessException.class, e);
    assertEquals(
        "cannot read s3://b/p/k: HTTP 404 NoSuchBucket (the bucket does not exist)",
        e.getMessage());
    assertFalse(S3Errors.isNotFound(service(404, "NoSuchBucket")));
  }

  @Test
  void serverErrorsAndThrottlingAreTransient() {
    assertInstanceOf(TransientStorageException.class, map(service(500, "InternalError")));
    assertInstanceOf(TransientStorageException.class, map(service(503, "SlowDown")));
    assertInstanceOf(TransientStorageException.class, map(service(429, null)));
    assertInstanceOf(TransientStorageException.class, map(service(400, "RequestTimeout")));
    assertInstanceOf(TransientStorageException.class, map(service(400, "ThrottlingException")));
    RllException e = map(service(503, "SlowDown"));
    assertEquals("cannot read s3://b/p/k: HTTP 503 SlowDown", e.getMessage());
  }

  @Test
  void refusalsArePermanentAndKeepTheServerTextOutOfTheMessage() {
    for (int status : new int[] {400, 403, 405, 409}) {
      S3Exception cause = service(status, "AccessDenied");
      RllException e = map(cause);
      assertInstanceOf(StorageAccessException.class, e);
      assertEquals(
          "cannot read s3://b/p/k: HTTP "
              + status
              + " AccessDenied (these credentials may not do this)",
          e.getMessage());
      assertSame(cause, e.getCause());
    }
  }

  @Test
  void networkFaultsAndTimeoutsAreTransientOtherClientFaultsPermanent() {
    SdkClientException refused =
        SdkClientException.builder()
            .message("Unable to execute HTTP request")
            .cause(new ConnectException("Connection refused"))
            .build();
    RllException e = map(refused);
    assertInstanceOf(TransientStorageException.class, e);
    assertEquals("cannot read s3://b/p/k: SdkClientException (Connection refused)", e.getMessage());
    assertInstanceOf(TransientStorageException.class, map(ApiCallTimeoutException.create(1000)));
    SdkClientException noCredentials =
        SdkClientException.builder().message("Unable to load credentials").build();
    assertInstanceOf(StorageAccessException.class, map(noCredentials));
  }

  @Test
  void aRangePastTheEndIsRecognised() {
    assertTrue(S3Errors.isRangeNotSatisfiable(service(416, "InvalidRange")));
    assertFalse(S3Errors.isRangeNotSatisfiable(service(400, "InvalidRange")));
  }
}
