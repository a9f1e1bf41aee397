package org.rll.cli.options;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The defaults of the options that place files on this machine, every one under the {@link RllHome}
 * of an environment. Options are known by their longest name, in every command:
 *
 * <ul>
 *   <li>{@code --home}: the home itself;
 *   <li>{@code --store-dir}: {@code RLL_STORE_DIR}, else {@link RllHome#store()};
 *   <li>{@code --pg-dir}: {@link RllHome#database()};
 *   <li>{@code --scratch-dir}: {@link RllHome#scratch()}.
 * </ul>
 *
 * Every other option keeps the default its annotation gives.
 */
public final class HomeDefaults implements IDefaultValueProvider {
  private final RllHome home;
  private final Path storeDirectory;

  /** The defaults that {@code environment} selects. */
  public HomeDefaults(Map<String, String> environment) {
    this.home = RllHome.of(environment, System.getProperty("user.home"));
    this.storeDirectory =
        RllHome.variable(environment, "RLL_STORE_DIR").map(Path::of).orElse(home.store());
  }

  @Override
  public String defaultValue(ArgSpec argument) {
    if (!(argument instanceof OptionSpec option)) {
      return null;
    }
    Path path =
        switch (option.longestName()) {
          case "--home" -> home.directory();
          case "--store-dir" -> storeDirectory;
          case "--pg-dir" -> home.database();
          case "--scratch-dir" -> home.scratch();
          default -> null;
        };
    return path == null ? null : path.toString();
  }
}
