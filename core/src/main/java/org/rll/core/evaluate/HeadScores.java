package org.rll.core.evaluate;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.rll.core.exceptions.ValidationException;

/**
 * The scores of one embedding output (a head such as {@code H}, or the concatenation {@code
 * L,M,H}), every value a fraction in [0, 1].
 *
 * @param head the output's name
 * @param dim its embedding size
 * @param recallAtK Recall@K by K, ascending (unmodifiable)
 * @param mapAtR MAP@R; {@code NaN} when no class has two members
 * @param nmi NMI of k-means with one cluster per class
 * @param queryCount the queries: every gallery image
 * @param mapQueryCount the queries MAP@R averages over (their class has another member)
 */
public record HeadScores(
    String head,
    int dim,
    SortedMap<Integer, Double> recallAtK,
    double mapAtR,
    double nmi,
    int queryCount,
    int mapQueryCount) {

  public HeadScores {
    ValidationException.check(head != null && !head.isEmpty(), "head must not be empty");
    ValidationException.check(dim > 0, "head %s: dim must be positive, got %d", head, dim);
    recallAtK = Collections.unmodifiableSortedMap(new TreeMap<>(Map.copyOf(recallAtK)));
    ValidationException.check(
        queryCount > 0, "head %s: query count must be positive, got %d", head, queryCount);
  }
}
