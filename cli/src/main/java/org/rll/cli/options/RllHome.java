package org.rll.cli.options;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The directory under which rll keeps everything it writes on this machine, and its layout: {@code
 * RLL_HOME} when set, else {@code .rll} in the user's home directory. The user's home is {@code
 * $HOME}; Java's {@code user.home}, which does not follow {@code HOME}, stands in only where {@code
 * HOME} is unset.
 *
 * @param directory the home itself
 */
public record RllHome(Path directory) {
  public RllHome {
    Objects.requireNonNull(directory, "directory");
  }

  /** The home that {@code environment} selects; {@code userHome} stands in for an unset HOME. */
  public static RllHome of(Map<String, String> environment, String userHome) {
    return new RllHome(
        variable(environment, "RLL_HOME")
            .map(Path::of)
            .orElseGet(() -> Path.of(variable(environment, "HOME").orElse(userHome), ".rll")));
  }

  /** The home of this process: its environment, and {@code user.home} where HOME is unset. */
  public static RllHome ofThisProcess() {
    return of(System.getenv(), System.getProperty("user.home"));
  }

  /** {@code pg/}: the data of the embedded PostgreSQL. */
  public Path database() {
    return directory.resolve("pg");
  }

  /** {@code store/}: the local artifact store, used when no S3 bucket is given. */
  public Path store() {
    return directory.resolve("store");
  }

  /** {@code s3/}: the files behind the dev stack's S3Proxy. */
  public Path s3() {
    return directory.resolve("s3");
  }

  /** {@code scratch/}: downloads and extraction in progress, and pretrained weights copied in. */
  public Path scratch() {
    return directory.resolve("scratch");
  }

  /** {@code demo/}: the copy of the bundled Fashion-MNIST test set that the demo trains on. */
  public Path demo() {
    return directory.resolve("demo");
  }

  /** {@code djl/}: the PyTorch natives DJL unpacks from their jar. */
  public Path djl() {
    return directory.resolve("djl");
  }

  /** The value of {@code name} in {@code environment}, unless it is unset or blank. */
  static Optional<String> variable(Map<String, String> environment, String name) {
    return Optional.ofNullable(environment.get(name)).filter(value -> !value.isBlank());
  }
}
