package org.rll.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.Test;

class RootCauseTest {

  @Test
  void theRootsOwnMessageWithoutWhatTemporalAdds() {
    ApplicationFailure root = ApplicationFailure.newNonRetryableFailure("alpha 9 diverged", "X");
    RuntimeException chain = new RuntimeException("outer", new IllegalStateException("mid", root));

    assertSame(root, RootCause.of(chain));
    assertEquals("alpha 9 diverged", RootCause.message(chain));
    assertEquals("plain", RootCause.message(new IllegalStateException("plain")));
  }
}
