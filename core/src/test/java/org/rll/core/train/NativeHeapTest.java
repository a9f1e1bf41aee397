package org.rll.core.train;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NativeHeapTest {
  /** Above glibc's largest self-adjusted mmap threshold (32 MiB), so by default always mapped. */
  private static final long BLOCK = 40L << 20;

  private static long minorFaults() throws IOException {
    String stat = Files.readString(Path.of("/proc/self/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[7]);
  }

  private static long touchFreshBlock() throws IOException {
    long address = Native.malloc(BLOCK);
    try {
      long before = minorFaults();
      new Pointer(address).setMemory(0, BLOCK, (byte) 1);
      return minorFaults() - before;
    } finally {
      Native.free(address);
    }
  }

  @Test
  void aFreedLargeBlockIsReusedWithoutNewPageFaults() throws IOException {
    assumeTrue(Platform.isLinux(), "glibc's allocator is tuned on Linux only");
    assertTrue(NativeHeap.retainFreedMemory(), "glibc refused a setting");
    assertTrue(NativeHeap.retainFreedMemory(), "a second call reports the first one's outcome");
    touchFreshBlock();
    long faults = touchFreshBlock();
    // Mapped afresh, the block would fault on each of its 10,240 pages; other JVM threads may
    // fault a little meanwhile.
    assertTrue(faults < 1_000, faults + " page faults re-touching a freed 40 MiB block");
  }
}
