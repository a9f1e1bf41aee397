package org.rll.workstation;

import java.nio.file.Path;
import org.rll.cli.options.ResultsConnection;

/**
 * A process that opens the embedded results database on the directory named by its argument, prints
 * {@code ready} and waits to be killed.
 */
public final class EmbeddedHolder {

  private EmbeddedHolder() {}

  public static void main(String[] args) throws InterruptedException {
    try (ResultsConnection connection = ResultsConnection.embedded(Path.of(args[0]))) {
      System.out.println("ready");
      System.out.flush();
      Thread.sleep(Long.MAX_VALUE);
    }
  }
}
