package org.rll.core.dataset.format;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.rll.core.exceptions.ValidationException;

/**
 * How a dataset's classes are divided into train and test. Immutable.
 *
 * @param kind which rule
 * @param trainClasses the train class names for {@link Kind#TRAIN_CLASSES}; empty otherwise
 */
public record SplitRule(Kind kind, List<String> trainClasses) {
  /** The rules. */
  public enum Kind {
    /**
     * The format's own protocol: the paper's split for the benchmarks, {@link #FIRST_HALF} for
     * image folders and CSV files.
     */
    PROTOCOL,
    /** The sorted class names' first half (rounded up) train, the rest test. */
    FIRST_HALF,
    /** The named classes train, every other class test. */
    TRAIN_CLASSES
  }

  public SplitRule {
    ValidationException.check(kind != null, "split rule kind must not be null");
    trainClasses = List.copyOf(trainClasses);
    ValidationException.check(
        (kind == Kind.TRAIN_CLASSES) != trainClasses.isEmpty(),
        "train class names go with TRAIN_CLASSES only, got %s with %s",
        kind,
        trainClasses);
    ValidationException.check(
        new HashSet<>(trainClasses).size() == trainClasses.size(),
        "train class names must be distinct, got %s",
        trainClasses);
    ValidationException.check(
        trainClasses.stream().noneMatch(String::isBlank),
        "train class names must not be blank, got %s",
        trainClasses);
  }

  /** The format's own protocol. */
  public static SplitRule protocol() {
    return new SplitRule(Kind.PROTOCOL, List.of());
  }

  /** The sorted class names' first half train. */
  public static SplitRule firstHalf() {
    return new SplitRule(Kind.FIRST_HALF, List.of());
  }

  /** The named classes train, the others test. */
  public static SplitRule trainClasses(List<String> names) {
    return new SplitRule(Kind.TRAIN_CLASSES, names);
  }

  /** The first half (rounded up) of {@code classNames} in sorted order. */
  public static Set<String> firstHalfOf(Set<String> classNames) {
    List<String> sorted = new ArrayList<>(new TreeSet<>(classNames));
    return new HashSet<>(sorted.subList(0, (sorted.size() + 1) / 2));
  }

  /**
   * The listing with this rule's splits.
   *
   * @throws ValidationException when a named train class is not in the listing
   */
  public DatasetListing apply(DatasetListing listing) {
    if (kind == Kind.PROTOCOL) {
      return listing;
    }
    Set<String> present = new TreeSet<>();
    listing.entries().forEach(e -> present.add(e.className()));
    Set<String> train;
    if (kind == Kind.FIRST_HALF) {
      train = firstHalfOf(present);
    } else {
      Set<String> missing = new TreeSet<>(trainClasses);
      missing.removeAll(present);
      ValidationException.check(
          missing.isEmpty(),
          "train classes %s are not in the dataset (it has %s)",
          missing,
          present);
      train = Set.copyOf(trainClasses);
    }
    List<LabeledEntry> entries = new ArrayList<>(listing.entries().size());
    for (LabeledEntry entry : listing.entries()) {
      entries.add(entry.withSplit(train.contains(entry.className()) ? Split.TRAIN : Split.TEST));
    }
    return listing.withEntries(entries);
  }

  /** A short text naming the rule, for summaries: {@code protocol}, {@code first-half}, ... */
  public String describe() {
    return switch (kind) {
      case PROTOCOL -> "protocol";
      case FIRST_HALF -> "first-half";
      case TRAIN_CLASSES -> "train-classes:" + String.join("|", trainClasses);
    };
  }
}
