package org.rll.cli.dataset;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rll dataset}: dataset preparation outside a workflow. */
@Command(
    name = "dataset",
    mixinStandardHelpOptions = true,
    description = "Prepares datasets: download, verify, extract, validate, split, manifest.",
    subcommands = {DatasetPrepareCommand.class})
public final class DatasetCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
