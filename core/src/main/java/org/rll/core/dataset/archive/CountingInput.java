package org.rll.core.dataset.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes an archive reader took from the archive, and remembers whether it reached the
 * end: a reader that fails after the end was a truncated archive.
 */
final class CountingInput extends FilterInputStream {
  private long count;
  private boolean ended;

  CountingInput(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b < 0) {
      ended = true;
    } else {
      count++;
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n < 0) {
      ended = true;
    } else {
      count += n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    count += skipped;
    return skipped;
  }

  /** No mark and reset, which would count bytes twice: a reader that needs them buffers itself. */
  @Override
  public boolean markSupported() {
    return false;
  }

  /** Bytes read so far. */
  long count() {
    return count;
  }

  /** Whether a read found the end of the stream. */
  boolean ended() {
    return ended;
  }
}
