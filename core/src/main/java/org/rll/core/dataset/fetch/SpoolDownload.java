package org.rll.core.dataset.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.util.OptionalLong;
import org.rll.core.exceptions.CorruptDataException;
import org.rll.core.exceptions.ExceptionText;
import org.rll.core.exceptions.RllException;
import org.rll.core.exceptions.TransientStorageException;

/**
 * One download of a source into a spool file, from its current length on. After a transient fault
 * (an {@link IOException} or a {@link TransientStorageException}; every other exception is
 * permanent and ends the download at once) it waits and asks the source again from the spool file's
 * length, so bytes already spooled are neither fetched nor hashed twice; a source that restarts
 * from byte 0 empties the spool and the digests first.
 */
final class SpoolDownload {
  private static final int BUFFER_BYTES = 1 << 16;

  private final Source source;
  private final URI uri;
  private final FileChannel spool;
  private final ArchiveDigests digests;
  private final FetchProgress progress;
  private OptionalLong knownTotal = OptionalLong.empty();

  SpoolDownload(
      Source source, URI uri, FileChannel spool, ArchiveDigests digests, FetchProgress progress) {
    this.source = source;
    this.uri = uri;
    this.spool = spool;
    this.digests = digests;
    this.progress = progress;
  }

  /** Spools the whole source, trying up to {@code retry.maxAttempts()} times; returns its size. */
  long run(RetryPolicy retry) throws IOException {
    for (int attempt = 1; ; attempt++) {
      try {
        return resume();
      } catch (IOException | TransientStorageException e) {
        if (attempt >= retry.maxAttempts()) {
          throw new TransientStorageException(
              "gave up on '"
                  + SourceUris.display(uri)
                  + "' after "
                  + attempt
                  + " attempts at byte "
                  + spool.size()
                  + ": "
                  + ExceptionText.describe(e),
              e);
        }
        pause(retry.backoff(attempt));
      }
    }
  }

  private long resume() throws IOException {
    long offset = spool.size();
    if (knownTotal.isPresent() && knownTotal.getAsLong() == offset) {
      return offset;
    }
    try (SourceStream stream = source.open(uri, offset)) {
      if (stream.offset() != offset) {
        restart(stream.offset());
      }
      if (stream.totalLength().isPresent()) {
        knownTotal = stream.totalLength();
      }
      copy(stream.body());
    }
    return checkedLength();
  }

  private void restart(long startedAt) throws IOException {
    if (startedAt != 0) {
      throw new CorruptDataException(
          "'"
              + SourceUris.display(uri)
              + "' started at byte "
              + startedAt
              + " when asked for "
              + spool.size());
    }
    spool.truncate(0);
    digests.reset();
  }

  private void copy(InputStream body) throws IOException {
    byte[] buffer = new byte[BUFFER_BYTES];
    for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
      ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
      while (chunk.hasRemaining()) {
        spool.write(chunk, spool.size());
      }
      digests.update(buffer, 0, n);
      progress.onProgress(spool.size(), knownTotal);
    }
  }

  /** The spooled length once the body ended: short of a known total is a break worth resuming. */
  private long checkedLength() throws IOException {
    long length = spool.size();
    long total = knownTotal.orElse(length);
    if (length < total) {
      throw new IOException(
          "'" + SourceUris.display(uri) + "' ended at byte " + length + " of " + total);
    }
    if (length > total) {
      throw new CorruptDataException(
          "'" + SourceUris.display(uri) + "' sent " + length + " bytes but declared " + total);
    }
    return length;
  }

  private void pause(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RllException(
          "interrupted while waiting to resume '" + SourceUris.display(uri) + "'", e);
    }
  }
}
