package org.rll.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.rll.core.exceptions.ValidationException;

class SweepRepositoryTest extends ResultsDatabaseTest {

  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00.123456789Z");
  private static final Instant T0_MICROS = Instant.parse("2026-03-02T08:00:00.123456Z");
  private static final Instant T1 = Instant.parse("2026-03-02T09:15:00Z");
  private static final String SPEC =
      "{\"base\":{\"dataset\":{\"name\":\"cub\"}},\"axes\":[{\"path\":\"loss.type\","
          + "\"values\":[\"triplet\",\"ranked-list\"]},{\"path\":\"loss.alpha\","
          + "\"values\":[1.4,1.2]}],\"seeds\":[0,1]}";
  private static final String SPEC_NORMAL_FORM =
      "{\"axes\": [{\"path\": \"loss.type\", \"values\": [\"triplet\", \"ranked-list\"]},"
          + " {\"path\": \"loss.alpha\", \"values\": [1.4, 1.2]}], \"base\": {\"dataset\":"
          + " {\"name\": \"cub\"}}, \"seeds\": [0, 1]}";

  SweepRepositoryTest(DataSource dataSource) {
    super(dataSource);
  }

  private static SweepRunRow child(String sweep, String hash, String setting, long seed) {
    return new SweepRunRow(sweep, sweep + "-" + hash + "-s" + seed, hash, setting, seed);
  }

  @Test
  void readsBackExactlyWhatWasWrittenWithTheAxesInOrder() {
    repository.upsertSweep(new SweepRow("sw", SPEC, List.of("loss.type", "loss.alpha"), T0, T1));
    repository.upsertSweepRuns(
        List.of(
            child("sw", "b0b0b0b0b0", "{\"loss.type\":\"triplet\",\"loss.alpha\":1.4}", 1),
            child("sw", "b0b0b0b0b0", "{\"loss.type\":\"triplet\",\"loss.alpha\":1.4}", 0),
            child("sw", "a1a1a1a1a1", "{\"loss.type\":\"ranked-list\",\"loss.alpha\":1.2}", 0)));

    assertEquals(
        Optional.of(
            new SweepRow(
                "sw", SPEC_NORMAL_FORM, List.of("loss.type", "loss.alpha"), T0_MICROS, T1)),
        repository.sweep("sw"));
    assertEquals(
        List.of(
            child("sw", "a1a1a1a1a1", "{\"loss.type\": \"ranked-list\", \"loss.alpha\": 1.2}", 0),
            child("sw", "b0b0b0b0b0", "{\"loss.type\": \"triplet\", \"loss.alpha\": 1.4}", 0),
            child("sw", "b0b0b0b0b0", "{\"loss.type\": \"triplet\", \"loss.alpha\": 1.4}", 1)),
        repository.sweepRuns("sw"));
    assertEquals(Optional.empty(), repository.sweep("other"));
    assertEquals(List.of(), repository.sweepRuns("other"));
  }

  @Test
  void writingASweepAgainLeavesOneRowEachWithTheLatestValues() throws SQLException {
    for (int write = 0; write < 2; write++) {
      repository.upsertSweep(new SweepRow("sw", "{\"a\": 1}", List.of("x"), T0, T0));
      repository.upsertSweepRuns(List.of(child("sw", "h1", "{\"x\": 1}", 3)));
    }
    for (int write = 0; write < 2; write++) {
      repository.upsertSweep(new SweepRow("sw", "{\"a\": 2}", List.of("y", "x"), T1, T1));
      repository.upsertSweepRuns(
          List.of(
              new SweepRunRow("sw", "sw-h1-s3", "h2", "{\"x\": 2}", 4),
              child("sw", "h3", "{\"x\": 3}", 3)));
    }

    assertEquals(
        Optional.of(new SweepRow("sw", "{\"a\": 2}", List.of("y", "x"), T0_MICROS, T1)),
        repository.sweep("sw"),
        "the creation time stays that of the first write");
    assertEquals(
        List.of(
            new SweepRunRow("sw", "sw-h1-s3", "h2", "{\"x\": 2}", 4),
            child("sw", "h3", "{\"x\": 3}", 3)),
        repository.sweepRuns("sw"));
    assertEquals(1, count("SELECT count(*) FROM sweeps"));
    assertEquals(2, count("SELECT count(*) FROM sweep_runs"));
  }

  @Test
  void aBatchWithARunOfAnUnknownSweepWritesNothingAndIsPermanent() throws SQLException {
    repository.upsertSweep(new SweepRow("sw", "{}", List.of("x"), T0, T0));

    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                repository.upsertSweepRuns(
                    List.of(
                        child("sw", "h1", "{\"x\": 1}", 0),
                        child("ghost", "h1", "{\"x\": 1}", 0))));

    assertTrue(
        e.getMessage().startsWith("upsert 2 sweep runs failed (SQLState 23503)"), e.getMessage());
    assertEquals(0, count("SELECT count(*) FROM sweep_runs"));
  }

  @Test
  void aSettingThatIsNotAJsonObjectIsRefusedByTheSchema() {
    repository.upsertSweep(new SweepRow("sw", "{}", List.of("x"), T0, T0));

    assertThrows(
        ValidationException.class,
        () -> repository.upsertSweepRuns(List.of(child("sw", "h1", "[1]", 0))));
  }

  @Test
  void recordsNameTheBadValue() {
    assertEquals(
        "sweep sw: axis 'x' appears twice in [x, x]",
        assertThrows(
                ValidationException.class,
                () -> new SweepRow("sw", "{}", List.of("x", "x"), T0, T0))
            .getMessage());
    assertEquals(
        "sweep sw: axes must name at least one path, got []",
        assertThrows(ValidationException.class, () -> new SweepRow("sw", "{}", List.of(), T0, T0))
            .getMessage());
    assertEquals(
        "sweep sw run r1: setting hash must not be blank, got ' '",
        assertThrows(ValidationException.class, () -> new SweepRunRow("sw", "r1", " ", "{}", 0))
            .getMessage());
  }
}
