package org.rll.core.storage;

import java.io.InputStream;
import java.util.List;
import java.util.OptionalLong;

/** A store that passes every call to another; tests override the calls they watch or break. */
public abstract class ForwardingBlobStore implements BlobStore {
  private final BlobStore delegate;

  protected ForwardingBlobStore(BlobStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public PutResult put(String key, InputStream data) {
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
