package org.rll.core.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * Where every artifact of a run lives: datasets, manifests, checkpoints, models, embeddings.
 *
 * <p>Keys follow {@link BlobKeys}. A {@code put} is atomic: readers see the whole new blob or the
 * previous state, never a torn one. Faults that may pass raise {@link
 * org.rll.core.exceptions.TransientStorageException}; a missing key raises {@link
 * org.rll.core.exceptions.BlobNotFoundException}.
 */
public interface BlobStore {

  /** Streams {@code data} to {@code key}, replacing any blob there; never buffers it whole. */
  PutResult put(String key, InputStream data);

  /** Opens the blob at {@code key} from byte {@code offset} on. */
  InputStream open(String key, long offset);

  /** The blob's size in bytes, or empty when there is no blob at {@code key}. */
  OptionalLong size(String key);

  /** Copies a blob within the store. */
  void copy(String fromKey, String toKey);

  /** Deletes the blob at {@code key}; returns whether there was one. */
  boolean delete(String key);

  /** Every key starting with {@code prefix}, in ascending order. */
  List<String> list(String prefix);

  /** A human-readable address of {@code key} for messages, such as {@code s3://bucket/key}. */
  String describe(String key);

  /** Opens the blob at {@code key} from its start. */
  default InputStream open(String key) {
    return open(key, 0);
  }

  /** Whether a blob exists at {@code key}. */
  default boolean exists(String key) {
    return size(key).isPresent();
  }

  /** Writes a small blob held in memory. */
  default PutResult put(String key, byte[] bytes) {
    return put(key, new java.io.ByteArrayInputStream(bytes));
  }

  /** Uploads a local file. */
  default PutResult put(String key, Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return put(key, in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Reads a small blob whole. */
  default byte[] readAllBytes(String key) {
    try (InputStream in = open(key)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new org.rll.core.exceptions.TransientStorageException(
          "cannot read " + describe(key), e);
    }
  }
}
