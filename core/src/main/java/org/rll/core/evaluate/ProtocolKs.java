package org.rll.core.evaluate;

import org.rll.core.dataset.format.DatasetFormat;

/**
 * The K list of Recall@K in each dataset's published protocol: 1, 2, 4, 8 for CUB-200-2011 and
 * CARS196; 1, 10, 100, 1000 for Stanford Online Products; the CUB list for every other format.
 *
 * <p>A K at least the gallery size minus one counts every query whose class has another member as a
 * hit, as {@link org.rll.core.metrics.RetrievalEvaluator} ranks the whole gallery.
 */
public final class ProtocolKs {
  private static final int[] CUB_CARS = {1, 2, 4, 8};
  private static final int[] SOP = {1, 10, 100, 1000};

  private ProtocolKs() {}

  /**
   * The Ks for a dataset format id such as {@code cub200}, {@code sop} or {@code fashion-mnist}.
   *
   * @throws org.rll.core.exceptions.ValidationException for an unknown format id
   */
  public static int[] forFormat(String formatId) {
    return DatasetFormat.parse(formatId) == DatasetFormat.SOP ? SOP.clone() : CUB_CARS.clone();
  }
}
