package org.rll.core.dataset.prepare;

import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;
import org.rll.core.exceptions.TransientStorageException;
import org.rll.core.storage.BlobStore;
import org.rll.core.storage.ForwardingBlobStore;
import org.rll.core.storage.PutResult;

/** A store that counts puts and can fail every put to one key, over a real store. */
final class RecordingBlobStore extends ForwardingBlobStore {
  private final String failingKey;
  private final AtomicInteger puts = new AtomicInteger();

  RecordingBlobStore(BlobStore delegate, String failingKey) {
    super(delegate);
    this.failingKey = failingKey;
  }

  int puts() {
    return puts.get();
  }

  @Override
  public PutResult put(String key, InputStream data) {
    puts.incrementAndGet();
    if (key.equals(failingKey)) {
      throw new TransientStorageException("injected failure writing " + key, null);
    }
    return super.put(key, data);
  }
}
