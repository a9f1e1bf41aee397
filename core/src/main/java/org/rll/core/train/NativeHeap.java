package org.rll.core.train;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/**
 * Makes glibc's allocator keep freed memory for reuse instead of returning it to the kernel.
 *
 * <p>A training step allocates and frees tens of megabytes of activations and gradients. With
 * glibc's defaults, large blocks are mapped afresh and freed heap tops are trimmed, so every step
 * touches new pages: about 12,000 page faults per step of the 28x28 net at batch 180, a sixth of
 * its time. Serving blocks up to 1 GiB from the heap, growing it 512 MiB at a time and trimming it
 * only past 2 GiB of free space removes nearly all of them; the price is that a training process
 * keeps its peak heap. Other C libraries are left alone.
 */
public final class NativeHeap {
  /** glibc's {@code mallopt} parameter numbers (malloc.h). */
  private static final int M_TRIM_THRESHOLD = -1;

  private static final int M_TOP_PAD = -2;
  private static final int M_MMAP_THRESHOLD = -3;

  static final int MMAP_THRESHOLD = 1 << 30;
  static final int TOP_PAD = 512 << 20;
  static final int TRIM_THRESHOLD = Integer.MAX_VALUE;

  private static Boolean applied;

  private NativeHeap() {}

  /**
   * Applies the settings once per process; true if this process runs on glibc and it accepted all
   * of them.
   */
  public static synchronized boolean retainFreedMemory() {
    if (applied == null) {
      applied = apply();
    }
    return applied;
  }

  private static boolean apply() {
    if (!Platform.isLinux()) {
      return false;
    }
    NativeLibrary libc = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME);
    try {
      libc.getFunction("gnu_get_libc_version");
    } catch (UnsatisfiedLinkError notGlibc) {
      return false;
    }
    Function mallopt = libc.getFunction("mallopt");
    return set(mallopt, M_MMAP_THRESHOLD, MMAP_THRESHOLD)
        & set(mallopt, M_TOP_PAD, TOP_PAD)
        & set(mallopt, M_TRIM_THRESHOLD, TRIM_THRESHOLD);
  }

  private static boolean set(Function mallopt, int parameter, int value) {
    return mallopt.invokeInt(new Object[] {parameter, value}) == 1;
  }
}
