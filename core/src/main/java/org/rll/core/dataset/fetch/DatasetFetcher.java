package org.rll.core.dataset.fetch;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.rll.core.dataset.fetch.Checksum.Algorithm;
import org.rll.core.exceptions.CorruptDataException;
import org.rll.core.exceptions.ExceptionText;
import org.rll.core.exceptions.TransientStorageException;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.storage.BlobStore;
import org.rll.core.storage.PutResult;
import org.rll.core.storage.Sha256Counter;

/**
 * Fetches a dataset archive into a {@link BlobStore} once per source and pin.
 *
 * <p>The archive streams to a spool file in a local directory (never whole into memory), resuming
 * after transient breaks; its SHA-256, and the pin's digest when that is MD5, are computed in the
 * same pass. A pin mismatch raises {@link CorruptDataException} and stores nothing. A verified
 * archive goes to {@code datasets/<sha256>/<file name>}, and a small index entry keyed by the URI
 * and pin lets the next fetch of the same source answer from the store without reading it. The
 * spool file is deleted whatever happens, so every fetch that reads the source starts clean.
 */
public final class DatasetFetcher {
  private final Sources sources;
  private final Path spoolDirectory;
  private final RetryPolicy retry;

  public DatasetFetcher(Sources sources, Path spoolDirectory, RetryPolicy retry) {
    ValidationException.check(sources != null, "sources must not be null");
    ValidationException.check(spoolDirectory != null, "spool directory must not be null");
    ValidationException.check(retry != null, "retry policy must not be null");
    this.sources = sources;
    this.spoolDirectory = spoolDirectory;
    this.retry = retry;
  }

  /** {@link #fetch(URI, Optional, BlobStore, FetchProgress)} without a progress listener. */
  public FetchResult fetch(URI uri, Optional<Checksum> pin, BlobStore store) {
    return fetch(uri, pin, store, FetchProgress.NONE);
  }

  /** Returns the stored archive of {@code uri}, downloading and verifying it unless cached. */
  public FetchResult fetch(
      URI uri, Optional<Checksum> pin, BlobStore store, FetchProgress progress) {
    Source source = sources.forUri(uri);
    ArchiveKeys.fileName(uri);
    FetchIndex index = new FetchIndex(store);
    String indexKey = ArchiveKeys.index(uri, pin);
    Optional<FetchResult> cached = index.lookup(indexKey, uri);
    if (cached.isPresent()) {
      return cached.get();
    }
    Path spool = spoolDirectory.resolve(Sha256Counter.hex(uri.toString()) + ".part");
    try {
      Files.createDirectories(spoolDirectory);
      try (FileChannel channel = openSpool(spool);
          FileLock lock = lock(channel, uri, spool)) {
        boolean keepSpool = false;
        try {
          ArchiveDigests digests = new ArchiveDigests(pin.map(Checksum::algorithm));
          if (pin.isPresent()) {
            SpoolResume.rehash(channel, digests);
          } else {
            channel.truncate(0);
          }
          long size = new SpoolDownload(source, uri, channel, digests, progress).run(retry);
          String sha256 = verified(uri, pin, digests.finish());
          FetchResult result = upload(store, spool, ArchiveKeys.archive(sha256, uri), sha256, size);
          index.record(indexKey, uri, result);
          return result;
        } catch (TransientStorageException e) {
          keepSpool = pin.isPresent();
          throw e;
        } finally {
          if (!keepSpool) {
            Files.deleteIfExists(spool);
          }
        }
      }
    } catch (IOException e) {
      throw new TransientStorageException(
          "cannot spool '"
              + SourceUris.display(uri)
              + "' to "
              + spool
              + ": "
              + ExceptionText.describe(e),
          e);
    }
  }

  private static FileChannel openSpool(Path spool) throws IOException {
    return FileChannel.open(
        spool, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
  }

  /** Keeps two fetches of one URI, in this process or another, off the same spool file. */
  private static FileLock lock(FileChannel channel, URI uri, Path spool) throws IOException {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      throw new TransientStorageException(
          "another fetch of '"
              + SourceUris.display(uri)
              + "' is writing "
              + spool
              + "; try again later",
          null);
    }
    return lock;
  }

  /** The archive's SHA-256, once the pin (if any) matches. */
  private static String verified(URI uri, Optional<Checksum> pin, Map<Algorithm, String> hex) {
    pin.ifPresent(
        expected -> {
          String actual = hex.get(expected.algorithm());
          if (!expected.hex().equals(actual)) {
            throw new CorruptDataException(
                String.format(
                    "'%s' does not match its pin: expected %s, got %s:%s",
                    SourceUris.display(uri), expected, expected.algorithm().label(), actual));
          }
        });
    return hex.get(Algorithm.SHA256);
  }

  private static FetchResult upload(
      BlobStore store, Path spool, String key, String sha256, long size) {
    if (!store.size(key).equals(OptionalLong.of(size))) {
      PutResult put = store.put(key, spool);
      if (!put.sha256().equals(sha256) || put.size() != size) {
        store.delete(key);
        throw new CorruptDataException(
            "spool file of " + key + " changed while uploading: stored " + put.sha256());
      }
    }
    return new FetchResult(key, sha256, size, false);
  }
}
