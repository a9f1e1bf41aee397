package org.rll.core.dataset.archive;

import java.io.IOException;
import java.io.InputStream;
import org.rll.core.exceptions.CorruptDataException;

/**
 * Decides an archive's format from its first bytes, or refuses it with a {@link
 * CorruptDataException} that says what the file is instead and what rll expects. A file named
 * {@code .tgz} that holds a zip archive is read as the zip archive it is.
 */
final class ArchiveDetection {
  private ArchiveDetection() {}

  /**
   * The format of the archive {@code in} starts with; {@code in} must support mark and reset and is
   * left at its start. {@code name}, a file name, names the archive in errors.
   */
  static ArchiveFormat detect(InputStream in, String name) throws IOException {
    FirstBytes first = FirstBytes.peek(in);
    return first.format().orElseThrow(() -> new CorruptDataException(notAnArchive(name, first)));
  }

  /**
   * Returns {@code decompressed}, the content of the gzip stream {@code name}, once its first bytes
   * are a tar header; it must support mark and reset.
   */
  static InputStream requireTar(InputStream decompressed, String name) throws IOException {
    FirstBytes first = FirstBytes.peek(decompressed);
    if (!first.isTar()) {
      String holds =
          first.isEmpty()
              ? "nothing"
              : first
                  .signature()
                  .map(Signature::description)
                  .or(first::textKind)
                  .orElse("something else");
      throw new CorruptDataException(
          String.format(
              "'%s' is a gzip stream that holds %s, not a tar archive%s; %s",
              name,
              holds,
              first.isEmpty() ? "" : " (decompressed, " + first.evidence() + ")",
              ArchiveFormat.EXPECTED));
    }
    return decompressed;
  }

  private static String notAnArchive(String name, FirstBytes first) {
    if (first.isEmpty()) {
      return String.format("'%s' is empty; %s", name, ArchiveFormat.EXPECTED);
    }
    if (first.unreadSignature().isPresent()) {
      return String.format(
          "'%s' is %s, which rll does not extract (%s); %s",
          name,
          first.unreadSignature().get().description(),
          first.evidence(),
          ArchiveFormat.EXPECTED);
    }
    String claimed = ArchiveFormat.claimedBy(name).map(f -> "a " + f.noun()).orElse("an archive");
    String what = first.textKind().map(kind -> kind + ", not " + claimed).orElse("not " + claimed);
    return String.format(
        "'%s' is %s (%s); %s", name, what, first.evidence(), ArchiveFormat.EXPECTED);
  }
}
