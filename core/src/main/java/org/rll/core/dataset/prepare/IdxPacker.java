package org.rll.core.dataset.prepare;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rll.core.dataset.format.LabeledEntry;
import org.rll.core.dataset.format.Split;
import org.rll.core.exceptions.CorruptDataException;
import org.rll.core.idx.IdxArray;
import org.rll.core.idx.IdxReader;
import org.rll.core.storage.BlobStore;

/**
 * Writes the images of an IDX dataset as one uncompressed IDX3 blob per split, in entry order, so
 * that {@link IdxReader} reads them back. Entry paths are {@code <idx file>#<index>}.
 */
final class IdxPacker {
  private static final int IDX3_UNSIGNED_BYTES = 0x00000803;

  private final Path base;
  private final Map<String, IdxArray> sources = new HashMap<>();

  IdxPacker(Path base) {
    this.base = base;
  }

  /** Writes both splits' blobs; returns each entry's manifest key, parallel to {@code kept}. */
  List<String> pack(BlobStore store, PreparedLayout layout, List<LabeledEntry> kept) {
    List<String> keys = new ArrayList<>(kept.size());
    for (int i = 0; i < kept.size(); i++) {
      keys.add(null);
    }
    for (Split split : Split.values()) {
      ByteArrayOutputStream pixels = new ByteArrayOutputStream();
      int[] itemShape = null;
      int count = 0;
      for (int i = 0; i < kept.size(); i++) {
        LabeledEntry entry = kept.get(i);
        if (entry.split() == split) {
          int hash = entry.path().lastIndexOf('#');
          IdxArray source = source(entry.path().substring(0, hash));
          int[] shape = source.shape();
          itemShape = checkSameShape(itemShape, shape, entry.path());
          pixels.writeBytes(source.item(Integer.parseInt(entry.path().substring(hash + 1))));
          keys.set(i, layout.idxImage(split, count++));
        }
      }
      store.put(layout.idx(split), idx3(count, itemShape, pixels.toByteArray()));
    }
    return keys;
  }

  private static int[] checkSameShape(int[] expected, int[] shape, String path) {
    if (shape.length != 3) {
      throw new CorruptDataException(
          path + ": images must be n x rows x cols, got " + Arrays.toString(shape));
    }
    int[] item = {shape[1], shape[2]};
    if (expected != null && !Arrays.equals(expected, item)) {
      throw new CorruptDataException(
          String.format(
              "%s: %s images do not match earlier %s images",
              path, Arrays.toString(item), Arrays.toString(expected)));
    }
    return item;
  }

  private static byte[] idx3(int count, int[] itemShape, byte[] pixels) {
    int[] shape = itemShape == null ? new int[] {0, 0} : itemShape;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + pixels.length);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(IDX3_UNSIGNED_BYTES);
      out.writeInt(count);
      out.writeInt(shape[0]);
      out.writeInt(shape[1]);
      out.write(pixels);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private IdxArray source(String file) {
    return sources.computeIfAbsent(
        file,
        f -> {
          try {
            return IdxReader.read(base.resolve(f));
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + base.resolve(f), e);
          }
        });
  }
}
