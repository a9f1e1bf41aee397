package org.rll.activities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.rll.core.exceptions.BlobNotFoundException;
import org.rll.core.exceptions.CorruptDataException;
import org.rll.core.exceptions.ExportCheckException;
import org.rll.core.exceptions.TransientStorageException;
import org.rll.core.exceptions.UnsafeArchiveException;
import org.rll.core.exceptions.ValidationException;

class FailuresTest {
  private static ApplicationFailure failure(Exception thrown) {
    return assertThrows(
        ApplicationFailure.class,
        () ->
            Failures.call(
                () -> {
                  throw thrown;
                }));
  }

  @Test
  void badInputIsNotRetried() {
    for (Exception e :
        new Exception[] {
          new ValidationException("sampler.classesPerBatch must be >= 2, got 1"),
          new CorruptDataException("archive does not match its pin"),
          new UnsafeArchiveException("../etc/passwd", "escapes the target"),
          new ExportCheckException("ONNX Runtime differs by 1e-2"),
          new BlobNotFoundException("runs/r/manifest/batches.bin")
        }) {
      ApplicationFailure failure = failure(e);
      assertTrue(failure.isNonRetryable(), e.toString());
      assertEquals(e.getClass().getSimpleName(), failure.getType());
      assertEquals(e.getMessage(), failure.getOriginalMessage());
    }
  }

  @Test
  void faultsOfStorageAndIoAreRetried() {
    ApplicationFailure storage =
        failure(new TransientStorageException("S3 answered 503", new IOException("slow down")));
    assertFalse(storage.isNonRetryable());
    assertEquals("TransientStorageException", storage.getType());
    assertEquals("S3 answered 503: slow down", storage.getOriginalMessage());
    assertFalse(failure(new IOException("disk full")).isNonRetryable());
  }

  @Test
  void controlCharactersAreWrittenOut() {
    ApplicationFailure failure = failure(new ValidationException("runId got 'a\u0007\nb'"));
    assertEquals("runId got 'a\\u0007\\u000ab'", failure.getOriginalMessage());
  }

  @Test
  void aWrappedFailureIsSortedByWhatItCarries() {
    ApplicationFailure failure =
        failure(new java.util.concurrent.ExecutionException(new CorruptDataException("bad jpeg")));
    assertTrue(failure.isNonRetryable());
    assertEquals("CorruptDataException", failure.getType());
    assertEquals("bad jpeg", failure.getOriginalMessage());
  }

  @Test
  void theExceptionTravelsAsTheCauseWithItsStackTrace() {
    IOException io = new IOException("reset by https://me:pw@host/x");
    ApplicationFailure failure = failure(new TransientStorageException("cannot read", io));
    ApplicationFailure cause = assertInstanceOf(ApplicationFailure.class, failure.getCause());
    assertEquals(TransientStorageException.class.getName(), cause.getType());
    ApplicationFailure root = assertInstanceOf(ApplicationFailure.class, cause.getCause());
    assertEquals("java.io.IOException", root.getType());
    assertEquals("reset by https://***@host/x", root.getOriginalMessage());
    assertEquals(io.getStackTrace()[0], root.getStackTrace()[0]);
  }

  @Test
  void credentialsInUrisAreMasked() {
    ApplicationFailure failure =
        failure(new ValidationException("cannot fetch 'https://me:s3cret@host/a.tgz' (401)"));
    assertEquals("cannot fetch 'https://***@host/a.tgz' (401)", failure.getOriginalMessage());
  }
}
