package org.rll.cli.ui.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.rll.core.exceptions.ValidationException;

class QueryTest {

  @Test
  void valuesAreDecodedAndEmptyOnesAreAbsent() {
    Query query = new Query("dataset=fashion-mnist&status=&sweep=a%2Bb&since=42");
    assertEquals(Optional.of("fashion-mnist"), query.value("dataset"));
    assertEquals(Optional.empty(), query.value("status"));
    assertEquals(Optional.of("a+b"), query.value("sweep"));
    assertEquals(42, query.longValue("since", -1));
    assertEquals(-1, query.longValue("missing", -1));
  }

  @Test
  void aNumberThatIsNotOneIsBadInput() {
    ValidationException e =
        assertThrows(
            ValidationException.class, () -> new Query("since=soon").longValue("since", -1));
    assertEquals("since must be an integer, got 'soon'", e.getMessage());
  }
}
