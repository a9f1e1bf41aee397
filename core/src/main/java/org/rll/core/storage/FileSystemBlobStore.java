package org.rll.core.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Stream;
import org.rll.core.exceptions.BlobNotFoundException;
import org.rll.core.exceptions.TransientStorageException;

/**
 * A {@link BlobStore} over a local directory: key {@code a/b} is file {@code root/a/b}. Each put
 * streams to a staging file under {@code root/.staging} and renames it into place atomically.
 */
public final class FileSystemBlobStore implements BlobStore {
  private static final String STAGING = ".staging";

  private final Path root;

  public FileSystemBlobStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public PutResult put(String key, InputStream data) {
    Path target = file(key);
    Path staging = root.resolve(STAGING).resolve(UUID.randomUUID() + ".part");
    try {
      Files.createDirectories(staging.getParent());
      Sha256Counter counter = new Sha256Counter(data);
      Files.copy(counter, staging);
      Files.createDirectories(target.getParent());
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      return counter.result(key);
    } catch (IOException e) {
      deleteStaging(staging, e);
      throw new TransientStorageException("cannot write " + describe(key), e);
    }
  }

  @Override
  public InputStream open(String key, long offset) {
    try {
      FileChannel channel = FileChannel.open(file(key), StandardOpenOption.READ);
      channel.position(offset);
      return Channels.newInputStream(channel);
    } catch (NoSuchFileException e) {
      throw new BlobNotFoundException(key);
    } catch (IOException e) {
      throw new TransientStorageException("cannot read " + describe(key), e);
    }
  }

  @Override
  public OptionalLong size(String key) {
    Path file = file(key);
    try {
      return Files.isRegularFile(file) ? OptionalLong.of(Files.size(file)) : OptionalLong.empty();
    } catch (IOException e) {
      throw new TransientStorageException("cannot stat " + describe(key), e);
    }
  }

  @Override
  public void copy(String fromKey, String toKey) {
    try (InputStream in = open(fromKey)) {
      put(toKey, in);
    } catch (IOException e) {
      throw new TransientStorageException("cannot copy " + describe(fromKey), e);
    }
  }

  @Override
  public boolean delete(String key) {
    try {
      return Files.deleteIfExists(file(key));
    } catch (IOException e) {
      throw new TransientStorageException("cannot delete " + describe(key), e);
    }
  }

  @Override
  public List<String> list(String prefix) {
    BlobKeys.checkPrefix(prefix);
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .map(f -> root.relativize(f).toString().replace('\\', '/'))
          .filter(k -> !k.startsWith(STAGING + "/") && k.startsWith(prefix))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new TransientStorageException("cannot list " + describe(prefix), e);
    }
  }

  @Override
  public String describe(String key) {
    return root.resolve(key).toUri().toString();
  }

  private Path file(String key) {
    BlobKeys.check(key);
    if (key.equals(STAGING) || key.startsWith(STAGING + "/")) {
      throw new org.rll.core.exceptions.ValidationException(
          "blob key '" + key + "' is reserved for staging");
    }
    return root.resolve(key);
  }

  private static void deleteStaging(Path file, IOException cause) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      cause.addSuppressed(e);
    }
  }
}
