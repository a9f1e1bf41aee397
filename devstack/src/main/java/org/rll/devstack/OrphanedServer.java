package org.rll.devstack;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops an embedded PostgreSQL server that an rll process left running when it was killed without
 * running its shutdown hook (kill -9, out of memory): such a server still holds the data directory,
 * and no new server could start on it.
 *
 * <p>A server is orphaned when its {@code postmaster.pid} names a live postgres process while no
 * process holds the embedded library's lock on the directory; a live rll always holds that lock.
 */
final class OrphanedServer {

  /** The file that the embedded library locks while a process uses the directory. */
  private static final String LIBRARY_LOCK = "epg-lock";

  private static final long STOP_SECONDS = 30;

  private OrphanedServer() {}

  /** Stops the orphaned server on {@code dataDirectory}, if there is one. */
  static void stop(Path dataDirectory) throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    Path lockFile = dataDirectory.resolve(LIBRARY_LOCK);
    if (!Files.isRegularFile(pidFile) || !Files.isRegularFile(lockFile)) {
      return;
    }
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      if (lock == null) {
        return;
      }
      Optional<ProcessHandle> server = postgres(Files.readAllLines(pidFile));
      if (server.isEmpty()) {
        return;
      }
      // SIGTERM: PostgreSQL's smart shutdown, which an orphan, having no clients, finishes at once.
      server.get().destroy();
      server.get().onExit().get(STOP_SECONDS, TimeUnit.SECONDS);
    } catch (OverlappingFileLockException e) {
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping the server left on " + dataDirectory, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("cannot stop the server left running on " + dataDirectory, e);
    }
  }

  /** The live postgres process whose pid is the first line of {@code postmaster.pid}, if any. */
  private static Optional<ProcessHandle> postgres(List<String> pidFileLines) {
    if (pidFileLines.isEmpty() || !pidFileLines.get(0).strip().matches("\\d+")) {
      return Optional.empty();
    }
    return ProcessHandle.of(Long.parseLong(pidFileLines.get(0).strip()))
        .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
  }
}
