package org.rll.core.loss.baseline;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.rll.core.exceptions.ValidationException;

/** Which triplets of a batch the {@link TripletLoss} trains on. */
public enum TripletMining {
  /**
   * FaceNet (Schroff et al. 2015, Sec. 3.2): every anchor-positive pair, each with its closest
   * negative farther than the positive (Eq. 4); where none is farther, its farthest negative.
   */
  SEMIHARD,
  /**
   * Batch hard (Hermans, Beyer and Leibe 2017, L_BH): per anchor, its farthest positive and its
   * closest negative.
   */
  HARD,
  /** Every (anchor, positive, negative) triplet of the batch (Hermans et al.'s batch all, L_BA). */
  ALL;

  /** The lower-case name used in specs: {@code semihard}, {@code hard} or {@code all}. */
  public String specName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a {@link #specName()} (case-insensitive). */
  public static TripletMining parse(String text) {
    for (TripletMining mining : values()) {
      if (mining.specName().equalsIgnoreCase(text)) {
        return mining;
      }
    }
    throw new ValidationException(
        String.format(
            Locale.ROOT,
            "unknown triplet mining '%s', expected one of %s",
            text,
            Arrays.stream(values())
                .map(TripletMining::specName)
                .collect(Collectors.joining(", "))));
  }
}
