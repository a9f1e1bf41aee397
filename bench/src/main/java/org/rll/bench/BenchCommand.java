package org.rll.bench;

import org.rll.cli.CommandPlugin;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code rll bench}: speed measurements that print ratios against a baseline timed in the same run.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks; each prints its figures and a ratio against a same-run baseline.",
    subcommands = {
      BenchDecodeCommand.class,
      BenchEmbedCommand.class,
      BenchEvalCommand.class,
      BenchKMeansCommand.class,
      BenchLossCommand.class,
      BenchManifestCommand.class,
      BenchTrainCommand.class
    })
public final class BenchCommand implements Runnable, CommandPlugin {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
