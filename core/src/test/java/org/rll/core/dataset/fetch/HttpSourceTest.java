package org.rll.core.dataset.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.rll.core.dataset.fetch.ScriptedHttpServer.full;
import static org.rll.core.dataset.fetch.ScriptedHttpServer.ranged;
import static org.rll.core.dataset.fetch.ScriptedHttpServer.stallAfter;
import static org.rll.core.dataset.fetch.ScriptedHttpServer.status;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rll.core.exceptions.BlobNotFoundException;
import org.rll.core.exceptions.RllException;
import org.rll.core.exceptions.TransientStorageException;
import org.rll.core.exceptions.ValidationException;

class HttpSourceTest {
  private static final byte[] BODY = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
  private final HttpSource source = new HttpSource(HttpSourceConfig.defaults());

  @Test
  void aRangedAnswerKeepsTheOffset() throws IOException {
    try (ScriptedHttpServer server = ScriptedHttpServer.start(BODY, ranged());
        SourceStream stream = source.open(server.uri("/a.tgz"), 4)) {
      assertEquals(4, stream.offset());
      assertEquals(OptionalLong.of(10), stream.totalLength());
      assertArrayEquals(Arrays.copyOfRange(BODY, 4, 10), stream.body().readAllBytes());
      assertEquals(List.of("bytes=4-"), server.ranges());
    }
  }

  @Test
  void aWholeAnswerToARangeStartsAtZeroAndNoRangeIsSentFromZero() throws IOException {
    try (ScriptedHttpServer server = ScriptedHttpServer.start(BODY, full())) {
      try (SourceStream stream = source.open(server.uri("/a.tgz"), 4)) {
        assertEquals(0, stream.offset());
        assertEquals(OptionalLong.of(10), stream.totalLength());
        assertArrayEquals(BODY, stream.body().readAllBytes());
      }
      source.open(server.uri("/a.tgz"), 0).close();
      assertEquals(List.of("bytes=4-", ""), server.ranges());
    }
  }

  @Test
  void aRangeBeyondTheEndIsReadAnewFromZero() throws IOException {
    try (ScriptedHttpServer server = ScriptedHttpServer.start(BODY, status(416), full())) {
      try (SourceStream stream = source.open(server.uri("/a.tgz"), 10)) {
        assertEquals(0, stream.offset());
        assertArrayEquals(BODY, stream.body().readAllBytes());
      }
      assertEquals(List.of("bytes=10-", ""), server.ranges());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {404, 410})
  void goneIsNotFound(int code) throws IOException {
    assertFailure(code, BlobNotFoundException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 416})
  void otherClientErrorsArePermanent(int code) throws IOException {
    assertFailure(code, ValidationException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {429, 500, 502, 503})
  void throttlingAndServerErrorsAreTransient(int code) throws IOException {
    assertFailure(code, TransientStorageException.class);
  }

  @Test
  void aStalledBodyFailsItsReadAfterTheIdleTimeout() throws IOException {
    HttpSource impatient =
        new HttpSource(
            new HttpSourceConfig(
                Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(100)));
    try (ScriptedHttpServer server = ScriptedHttpServer.start(BODY, stallAfter(3));
        SourceStream stream = impatient.open(server.uri("/a.tgz"), 0)) {
      byte[] head = new byte[3];
      assertEquals(3, stream.body().readNBytes(head, 0, 3));
      assertArrayEquals(Arrays.copyOf(BODY, 3), head);
      assertThrows(SocketTimeoutException.class, () -> stream.body().read());
    }
  }

  @Test
  void aRefusedConnectionIsTransient() throws IOException {
    URI uri;
    try (ScriptedHttpServer server = ScriptedHttpServer.start(BODY, full())) {
      uri = server.uri("/a.tgz");
    }
    URI closed = uri;
    assertThrows(TransientStorageException.class, () -> source.open(closed, 0));
  }

  private void assertFailure(int code, Class<? extends RllException> type) throws IOException {
    try (ScriptedHttpServer server = ScriptedHttpServer.start(BODY, status(code))) {
      URI uri = server.uri("/a.tgz");
      RllException e = assertThrows(type, () -> source.open(uri, 0));
      assertEquals("'" + uri + "' answered HTTP " + code, e.getMessage());
    }
  }
}
