package org.rll.core.dataset.archive;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.rll.core.exceptions.UnsafeArchiveException;
import org.rll.core.exceptions.ValidationException;

/**
 * Extracts tar, tar.gz and zip archives, streaming, without trusting them.
 *
 * <p>Rejects, naming the entry: path traversal, absolute paths, links that do not resolve to an
 * earlier entry inside the target, devices and fifos, duplicates, and entries or totals beyond
 * {@link ExtractionLimits} (counted in bytes actually written). Everything is written to a staging
 * directory beside {@code target} and renamed to {@code target} only when the whole archive was
 * read; on any failure the staging directory is removed and {@code target} never appears.
 */
public final class SafeExtractor {
  /** Longest symbolic-link target read from a zip entry's content. */
  private static final int MAX_LINK_TARGET_BYTES = 4096;

  private SafeExtractor() {}

  /** Extracts the archive file; its file name names it in errors. */
  public static ExtractionResult extract(Path archive, Path target, ExtractionLimits limits)
      throws IOException {
    try (InputStream in = Files.newInputStream(archive)) {
      return extract(in, String.valueOf(archive.getFileName()), target, limits);
    }
  }

  /**
   * Extracts an archive stream into {@code target}, which must not exist yet; its parent is created
   * if missing. The format (tar, gzip-compressed tar or zip) is read from the first bytes, whatever
   * {@code name} says; {@code name}, the archive's file name, names it in errors. The stream is
   * read but not closed.
   *
   * @throws UnsafeArchiveException for an entry it refuses
   * @throws org.rll.core.exceptions.CorruptDataException for content that is not an archive rll
   *     reads, or a truncated or malformed archive
   * @throws IOException when reading the stream or writing the target fails
   */
  public static ExtractionResult extract(
      InputStream in, String name, Path target, ExtractionLimits limits) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    ValidationException.check(
        absolute.getParent() != null, "extraction target must not be a root: %s", target);
    ValidationException.check(
        !Files.exists(absolute), "extraction target already exists: %s", absolute);
    InputStream buffered = new BufferedInputStream(in);
    ArchiveReads reads = new ArchiveReads(name, ArchiveDetection.detect(buffered, name), buffered);
    Files.createDirectories(absolute.getParent());
    Path stagingPath =
        Files.createTempDirectory(absolute.getParent(), "." + absolute.getFileName() + ".staging-");
    StagingDirectory staging = new StagingDirectory(stagingPath, limits, reads);
    try {
      // The archive stream wraps `in`, which the caller owns, so it is not closed here.
      ArchiveInputStream<?> archive = reads.open();
      String previous = null;
      for (ArchiveEntry entry = reads.next(null, archive);
          entry != null;
          entry = reads.next(previous, archive)) {
        previous = entry.getName();
        extractEntry(archive, entry, staging, reads);
      }
      Files.move(stagingPath, absolute, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException | Error e) {
      deleteQuietly(staging, e);
      throw e;
    }
    return new ExtractionResult(absolute, staging.files(), staging.totalBytes());
  }

  private static void extractEntry(
      ArchiveInputStream<?> archive,
      ArchiveEntry entry,
      StagingDirectory staging,
      ArchiveReads reads)
      throws IOException {
    String name = entry.getName();
    staging.countEntry(name);
    List<String> segments = EntryPaths.segments(name, name);
    if (!archive.canReadEntryData(entry)) {
      throw new UnsafeArchiveException(name, "encrypted or unsupported compression method");
    }
    if (entry instanceof TarArchiveEntry tar) {
      // isFile() is true for any unknown type flag, so special files are caught first.
      if (tar.isCharacterDevice() || tar.isBlockDevice() || tar.isFIFO()) {
        throw new UnsafeArchiveException(name, "device or fifo");
      } else if (tar.isSymbolicLink()) {
        staging.symbolicLink(name, segments, tar.getLinkName());
      } else if (tar.isLink()) {
        staging.hardLink(name, segments, EntryPaths.segments(name, tar.getLinkName()));
      } else if (tar.isDirectory()) {
        staging.directory(name, segments);
      } else if (tar.isFile()) {
        staging.file(name, segments, archive);
      } else {
        throw new UnsafeArchiveException(
            name, "unsupported entry type '" + (char) tar.getLinkFlag() + "'");
      }
    } else if (entry instanceof ZipArchiveEntry zip && zip.isUnixSymlink()) {
      staging.symbolicLink(name, segments, zipLinkTarget(name, archive, reads));
    } else if (entry.isDirectory()) {
      staging.directory(name, segments);
    } else {
      staging.file(name, segments, archive);
    }
  }

  /** A zip stores a symbolic link's target as the entry's content. */
  private static String zipLinkTarget(String name, InputStream archive, ArchiveReads reads) {
    byte[] target = reads.readAtMost(name, archive, MAX_LINK_TARGET_BYTES + 1);
    if (target.length > MAX_LINK_TARGET_BYTES) {
      throw new UnsafeArchiveException(
          name, "link target longer than " + MAX_LINK_TARGET_BYTES + " bytes");
    }
    return new String(target, StandardCharsets.UTF_8);
  }

  private static void deleteQuietly(StagingDirectory staging, Throwable failure) {
    try {
      staging.delete();
    } catch (IOException e) {
      failure.addSuppressed(new UncheckedIOException("could not remove staging directory", e));
    }
  }
}
