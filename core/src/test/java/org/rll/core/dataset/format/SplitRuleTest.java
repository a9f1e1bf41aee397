package org.rll.core.dataset.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rll.core.exceptions.ValidationException;

class SplitRuleTest {
  private static final DatasetListing LISTING =
      new DatasetListing(
          Path.of("x"),
          List.of(
              new LabeledEntry("c/1", 3, "c", Split.TEST),
              new LabeledEntry("a/1", 1, "a", Split.TEST),
              new LabeledEntry("b/1", 2, "b", Split.TRAIN)));

  @Test
  void protocolKeepsTheFormatsSplit() {
    assertEquals(LISTING, SplitRule.protocol().apply(LISTING));
  }

  @Test
  void firstHalfRoundsUp() {
    assertEquals(Set.of("a", "b"), SplitRule.firstHalfOf(Set.of("c", "a", "b")));
    assertEquals(
        List.of(Split.TEST, Split.TRAIN, Split.TRAIN),
        SplitRule.firstHalf().apply(LISTING).entries().stream().map(LabeledEntry::split).toList());
  }

  @Test
  void namedTrainClassesMustExist() {
    assertEquals(
        List.of(Split.TRAIN, Split.TEST, Split.TEST),
        SplitRule.trainClasses(List.of("c")).apply(LISTING).entries().stream()
            .map(LabeledEntry::split)
            .toList());
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> SplitRule.trainClasses(List.of("a", "zz")).apply(LISTING));
    assertEquals("train classes [zz] are not in the dataset (it has [a, b, c])", e.getMessage());
  }

  @Test
  void rejectsInconsistentRules() {
    assertThrows(ValidationException.class, () -> SplitRule.trainClasses(List.of()));
    assertThrows(ValidationException.class, () -> SplitRule.trainClasses(List.of("a", "a")));
    assertThrows(ValidationException.class, () -> SplitRule.trainClasses(List.of(" ")));
    assertThrows(
        ValidationException.class, () -> new SplitRule(SplitRule.Kind.FIRST_HALF, List.of("a")));
    assertEquals("train-classes:a|b", SplitRule.trainClasses(List.of("a", "b")).describe());
  }
}
