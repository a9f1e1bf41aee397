package org.rll.cli.options;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RllHomeTest {
  private static final String JAVA_USER_HOME = "/java/user.home";

  private static Path home(Map<String, String> environment) {
    return RllHome.of(environment, JAVA_USER_HOME).directory();
  }

  @Test
  void rllHomeWins() {
    assertEquals(Path.of("/data/rll"), home(Map.of("RLL_HOME", "/data/rll", "HOME", "/home/u")));
  }

  @Test
  void withoutRllHomeItIsDotRllInHome() {
    assertEquals(Path.of("/home/u/.rll"), home(Map.of("HOME", "/home/u")));
  }

  @Test
  void javasUserHomeStandsInOnlyWhereHomeIsUnset() {
    assertEquals(Path.of(JAVA_USER_HOME, ".rll"), home(Map.of()));
  }

  @Test
  void aBlankVariableCountsAsUnset() {
    assertEquals(Path.of("/home/u/.rll"), home(Map.of("RLL_HOME", " ", "HOME", "/home/u")));
    assertEquals(Path.of(JAVA_USER_HOME, ".rll"), home(Map.of("RLL_HOME", "", "HOME", "")));
  }

  @Test
  void everyDirectoryIsUnderTheHome() {
    RllHome home = new RllHome(Path.of("/h"));
    assertEquals(
        List.of("/h/pg", "/h/store", "/h/s3", "/h/scratch", "/h/demo", "/h/djl"),
        Stream.of(home.database(), home.store(), home.s3(), home.scratch(), home.demo(), home.djl())
            .map(Path::toString)
            .toList());
  }
}
