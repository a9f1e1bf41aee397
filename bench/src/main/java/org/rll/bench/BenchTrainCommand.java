package org.rll.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rll.core.model.Backbone;
import org.rll.core.model.ModelConfig;
import org.rll.core.train.StepPhases.Phase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rll bench train}: images per second of a full training step (forward, ranked list loss on
 * every head, backward, {@code Sgd}) of each backbone at its paper input, against the same network
 * trained on sum(embeddings) with plain SGD in the same run, with the time of each phase.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description =
        "Times EmbeddingTrainer steps against a trivial-loss, plain-SGD step of the same net.")
public final class BenchTrainCommand implements Callable<Integer> {
  /** Timed and warm-up steps of the two large backbones on a CPU, where one step takes seconds. */
  private static final int LARGE_CPU_ITERATIONS = 2;

  private static final int LARGE_CPU_WARMUP = 1;
  private static final int DEFAULT_ITERATIONS = 50;
  private static final int DEFAULT_WARMUP = 5;

  @Spec CommandSpec spec;

  @Option(
      names = "--backbone",
      description = "bn-inception, resnet50 or small-conv (default: all three).")
  String backbone;

  @Option(names = "--batch", description = "Images per step (default: ${DEFAULT-VALUE}).")
  int batch = 180;

  @Option(
      names = "--per-class",
      description =
          "Images per class K; the batch holds batch / K classes (default: ${DEFAULT-VALUE}).")
  int perClass = 3;

  @Option(
      names = "--iterations",
      description = "Timed steps of each variant (default 50; 2 for the large nets on a CPU).")
  Integer iterations;

  @Option(
      names = "--warmup",
      description =
          "Untimed steps of each variant first (default 5; 1 for the large nets on a CPU).")
  Integer warmup;

  @Option(names = "--size", description = "Input side (default: the backbone's paper size).")
  Integer size;

  @Option(
      names = "--heads",
      split = ",",
      description = "Levels with a head (default: H for small-conv, L,M,H for the others).")
  List<String> heads;

  @Option(
      names = "--dim",
      description = "Units of each head (default: 128 for small-conv, 512 for the others).")
  Integer dim;

  @Option(names = "--seed", description = "Seed of weights and inputs (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Override
  public Integer call() {
    Device device = Engine.getInstance().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    List<Backbone> backbones =
        backbone == null ? List.of(Backbone.values()) : List.of(Backbone.parse(backbone));
    print(
        "rll bench train on %s (%s, %d JVM processors%s)",
        device,
        device.isGpu() ? "GPU" : "CPU",
        Runtime.getRuntime().availableProcessors(),
        device.isGpu() ? "; phase times are queueing times on a GPU" : "");
    for (Backbone net : backbones) {
      report(spec(net, device));
    }
    return 0;
  }

  private TrainBenchSpec spec(Backbone net, Device device) {
    ModelConfig defaults = net == Backbone.SMALL_CONV ? ModelConfig.demo() : ModelConfig.paper();
    ModelConfig model =
        new ModelConfig(
            net,
            heads == null ? defaults.heads() : heads,
            dim == null ? defaults.embeddingDim() : dim);
    boolean slow = net != Backbone.SMALL_CONV && !device.isGpu();
    return new TrainBenchSpec(
        model,
        batch,
        perClass,
        size == null ? net.inputSize() : size,
        iterations != null ? iterations : slow ? LARGE_CPU_ITERATIONS : DEFAULT_ITERATIONS,
        warmup != null ? warmup : slow ? LARGE_CPU_WARMUP : DEFAULT_WARMUP,
        device);
  }

  private void report(TrainBenchSpec spec) {
    print(
        "%n%s, batch %d (%d classes x %d), input %dx%dx%d, %d steps each after %d warm-up, taking"
            + " turns",
        spec.model(),
        spec.batch(),
        spec.batch() / spec.perClass(),
        spec.perClass(),
        spec.model().backbone().channels(),
        spec.size(),
        spec.size(),
        spec.iterations(),
        spec.warmup());
    TrainBenchmark.Result result = new TrainBenchmark(spec).run(seed);
    PhaseClock rll = result.measured();
    PhaseClock base = result.baseline();
    print("mean ms per step        RLL + Sgd   baseline (sum loss, plain SGD)");
    print("  batch in/out        %10.2f %10.2f", rll.dataMillis(), base.dataMillis());
    for (Phase phase : Phase.values()) {
      print(
          "  %-18s  %10.2f %10.2f",
          phase.name().toLowerCase(Locale.ROOT).replace('_', ' '),
          rll.millis(phase),
          base.millis(phase));
    }
    double rllStep = rll.medianStepMillis();
    double baseStep = base.medianStepMillis();
    print("median step ms        %10.2f %10.2f", rllStep, baseStep);
    print(
        "images/s              %10.1f %10.1f",
        spec.batch() * 1000 / rllStep, spec.batch() * 1000 / baseStep);
    print("ratio: the RLL step takes %.3fx the baseline step", rllStep / baseStep);
    print(
        "loss: its forward is %.1f%% of the RLL step; the backward takes %+.2f ms against the"
            + " baseline's",
        100 * rll.millis(Phase.LOSS) / rllStep,
        rll.millis(Phase.BACKWARD) - base.millis(Phase.BACKWARD));
  }

  private void print(String format, Object... args) {
    spec.commandLine().getOut().println(String.format(Locale.ROOT, format, args));
  }
}
