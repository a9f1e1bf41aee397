package org.rll.core.dataset.fetch;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;

/**
 * An open read of a source.
 *
 * @param body the bytes from {@code offset} on
 * @param offset where {@code body} starts: the offset asked for, or 0 when the source restarted
 * @param totalLength the whole resource's length in bytes, when the source knows it
 */
public record SourceStream(InputStream body, long offset, OptionalLong totalLength)
    implements Closeable {

  @Override
  public void close() throws IOException {
    body.close();
  }
}
