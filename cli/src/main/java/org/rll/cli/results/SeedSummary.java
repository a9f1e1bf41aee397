package org.rll.cli.results;

import static org.rll.core.exceptions.ValidationException.check;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * One metric of a sweep setting over its seeds: how many seeds have it, their mean and their sample
 * standard deviation (divided by n - 1), which needs two seeds or more.
 *
 * @param std the sample standard deviation; empty for a single seed
 */
public record SeedSummary(int n, double mean, OptionalDouble std) {

  public SeedSummary {
    check(n >= 1, "a summary needs at least one seed, got n = %s", n);
    check(std != null && std.isPresent() == n >= 2, "std is given for n >= 2 only, got %s", std);
  }

  /** The summary of one value per seed. */
  static SeedSummary of(double... values) {
    int n = values.length;
    check(n >= 1, "a summary needs at least one value, got %s", Arrays.toString(values));
    double mean = Arrays.stream(values).sum() / n;
    if (n < 2) {
      return new SeedSummary(n, mean, OptionalDouble.empty());
    }
    double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
    return new SeedSummary(n, mean, OptionalDouble.of(Math.sqrt(squares / (n - 1))));
  }
}
