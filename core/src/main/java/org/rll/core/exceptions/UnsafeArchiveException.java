package org.rll.core.exceptions;

/**
 * An archive entry that extraction refuses: path traversal, an absolute path, a link leaving the
 * target, a device or fifo, or a size beyond the configured limits. Permanent: the archive itself
 * is the problem.
 */
public class UnsafeArchiveException extends ValidationException {
  private static final long serialVersionUID = 1L;

  private final String entryName;

  public UnsafeArchiveException(String entryName, String reason) {
    super("archive entry '" + entryName + "' rejected: " + reason);
    this.entryName = entryName;
  }

  /** The entry's name exactly as the archive stores it. */
  public String entryName() {
    return entryName;
  }
}
