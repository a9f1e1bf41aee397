package org.rll.core.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.rll.core.storage.BlobStore;
import org.rll.core.storage.PutResult;

/**
 * An exported model that passed its parity check, held in memory until written. Only {@link
 * OnnxExporter} makes one, so whatever is written has been checked.
 */
public final class OnnxExport {
  private final byte[] model;
  private final ParityReport parity;

  OnnxExport(byte[] model, ParityReport parity) {
    this.model = model;
    this.parity = parity;
  }

  /** The serialized ONNX model. */
  public byte[] bytes() {
    return model.clone();
  }

  /** The check the model passed, also recorded in its metadata. */
  public ParityReport parity() {
    return parity;
  }

  /** Writes the model to {@code key}, replacing what is there. */
  public PutResult writeTo(BlobStore store, String key) {
    return store.put(key, model);
  }

  /** Writes the model to {@code file} atomically: readers see the old file or the whole new one. */
  public void writeTo(Path file) {
    Path target = file.toAbsolutePath();
    Path temp = null;
    try {
      Files.createDirectories(target.getParent());
      temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
      Files.write(temp, model);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      deleteQuietly(temp);
      throw new UncheckedIOException("cannot write the ONNX model to " + target, e);
    }
  }

  private static void deleteQuietly(Path temp) {
    if (temp == null) {
      return;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // The write already failed; that failure is the one to report.
    }
  }
}
