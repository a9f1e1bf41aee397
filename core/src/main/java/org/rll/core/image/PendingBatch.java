package org.rll.core.image;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.rll.core.exceptions.RllException;

/** A batch handed to the threads: its values fill in as its images' tasks complete. */
record PendingBatch(ImageBatch batch, List<Future<?>> images) {
  ImageBatch await() {
    try {
      for (Future<?> image : images) {
        image.get();
      }
      return batch;
    } catch (ExecutionException e) {
      images.forEach(image -> image.cancel(true));
      throw e.getCause() instanceof RuntimeException cause
          ? cause
          : new RllException("image decoding failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RllException("interrupted while waiting for batch " + batch.iteration(), e);
    }
  }
}
