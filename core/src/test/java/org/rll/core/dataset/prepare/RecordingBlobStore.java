package org.rll.core.dataset.prepare;

import java.io.InputStream;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.rll.core.exceptions.TransientStorageException;
import org.rll.core.storage.BlobStore;
import org.rll.core.storage.PutResult;

/** A store that counts puts and can fail every put to one key, over a real store. */
final class RecordingBlobStore implements BlobStore {
  private final BlobStore delegate;
  private final String failingKey;
  private final AtomicInteger puts = new AtomicInteger();

  RecordingBlobStore(BlobStore delegate, String failingKey) {
    this.delegate = delegate;
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
    return delegate.put(key, data);
  }

  @Override
  public InputStream open(String key, long offset) {
    return delegate.open(key, offset);
  }

  @Override
  public OptionalLong size(String key) {
    return delegate.size(key);
  }

  @Override
  public void copy(String fromKey, String toKey) {
    delegate.copy(fromKey, toKey);
  }

  @Override
  public boolean delete(String key) {
    return delegate.delete(key);
  }

  @Override
  public List<String> list(String prefix) {
    return delegate.list(prefix);
  }

  @Override
  public String describe(String key) {
    return delegate.describe(key);
  }
}
