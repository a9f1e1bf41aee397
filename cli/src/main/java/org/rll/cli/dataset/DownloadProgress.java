package org.rll.cli.dataset;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.OptionalLong;
import org.rll.core.dataset.fetch.FetchProgress;

/** Prints a download's progress at most once every two seconds, and when it completes. */
final class DownloadProgress implements FetchProgress {
  private static final long INTERVAL_NANOS = 2_000_000_000L;

  private final PrintWriter out;
  private long lastPrint = System.nanoTime();

  DownloadProgress(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void onProgress(long bytes, OptionalLong total) {
    long now = System.nanoTime();
    boolean complete = total.isPresent() && bytes == total.getAsLong();
    if (!complete && now - lastPrint < INTERVAL_NANOS) {
      return;
    }
    lastPrint = now;
    if (total.isPresent() && total.getAsLong() > 0) {
      out.printf(
          Locale.ROOT,
          "downloaded %.1f of %.1f MB (%.0f%%)%n",
          bytes / 1e6,
          total.getAsLong() / 1e6,
          100.0 * bytes / total.getAsLong());
    } else {
      out.printf(Locale.ROOT, "downloaded %.1f MB%n", bytes / 1e6);
    }
    out.flush();
  }
}
