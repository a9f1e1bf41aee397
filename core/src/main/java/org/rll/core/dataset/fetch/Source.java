package org.rll.core.dataset.fetch;

import java.io.IOException;
import java.net.URI;

/**
 * Reads the bytes of a dataset archive named by a URI of one scheme ({@code file}, {@code http},
 * {@code https}, {@code s3}). Implementations raise {@link
 * org.rll.core.exceptions.TransientStorageException} for faults worth retrying and {@link
 * org.rll.core.exceptions.ValidationException} (or {@link
 * org.rll.core.exceptions.BlobNotFoundException}) for ones that are not.
 */
public interface Source {

  /**
   * Opens {@code uri} from byte {@code offset} on. A source that cannot skip may start at 0 and say
   * so in {@link SourceStream#offset()}.
   */
  SourceStream open(URI uri, long offset) throws IOException;
}
