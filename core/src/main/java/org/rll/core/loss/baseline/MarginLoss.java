package org.rll.core.loss.baseline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.loss.EmbeddingLoss;
import org.rll.core.loss.HeadLoss;
import org.rll.core.loss.LossBatch;
import org.rll.core.loss.LossContext;
import org.rll.core.loss.TrainingClasses;

/**
 * The margin based loss with distance weighted sampling (Wu, Manmatha, Smola and Krähenbühl, ICCV
 * 2017, "Sampling matters in deep embedding learning"). For every anchor a and positive p of the
 * batch, {@link DistanceWeightedSampling} draws one negative n (Sec. 4); each such triplet adds the
 * two margin terms of Eq. 4,
 *
 * <pre>
 * l(a, p) = [alpha + (D_ap - beta_a)]_+      l(a, n) = [alpha - (D_an - beta_a)]_+
 * loss = (sum of the terms + nu sum_triplets beta_a) / (number of non-zero terms), 0 when none
 * </pre>
 *
 * with D the Euclidean distance between the embeddings as given (the model normalises them; the
 * sampling density assumes unit vectors) and beta_a the learned boundary of a's class (Eq. 5).
 *
 * <p>Choices the paper leaves open, taken from its released code: beta is beta^(0) + beta^(class)
 * folded into one parameter {@code loss.beta.<head>} per head, with one entry per training class
 * ({@link TrainingClasses} rows) or a single entry ({@link MarginLossConfig#classSpecificBeta}),
 * starting at beta^(0); the per-image beta^(img) is not used. Pairs are ordered, so (a, p) and (p,
 * a) are both anchored; negatives are drawn with replacement. The regulariser nu sums beta over the
 * triplets and the total is divided by the number of non-zero terms, as the code does. Beta trains
 * at {@link MarginLossConfig#DEFAULT_BETA_LR_MULTIPLIER} times the network's rate by default.
 *
 * <p>Sampling reads the detached distances in Java, keyed by (seed, iteration, head, a, p) with the
 * seed of {@link #initialize} and the iteration of {@link #beginIteration}; no gradient flows
 * through it. Which terms are non-zero is decided there too, from the same distances and beta; the
 * loss is then one masked sum over the live N x N distances.
 *
 * <p>Mined counts: {@code positives} = triplets whose positive term is non-zero, {@code negatives}
 * = triplets whose negative term is non-zero (a negative drawn twice counts twice); their sum is
 * the divisor.
 */
public final class MarginLoss extends EmbeddingLoss {
  private final MarginLossConfig config;
  private final List<Parameter> betas = new ArrayList<>();
  private final Map<String, Parameter> byName = new LinkedHashMap<>();
  private TrainingClasses classes;
  private long seed;
  private long iteration;

  private MarginLoss(String name, MarginLossConfig config) {
    super(name);
    this.config = config;
  }

  /** A builder preset to the paper's settings. */
  public static Builder builder() {
    return new Builder();
  }

  /** The validated settings. */
  public MarginLossConfig getConfig() {
    return config;
  }

  /** Creates every head's beta at beta^(0) and keeps the seed the sampling draws from; once. */
  @Override
  public void initialize(LossContext context) {
    ValidationException.check(classes == null, "%s is already initialised", getName());
    int size = config.classSpecificBeta() ? context.classes().size() : 1;
    double[] values = new double[size];
    Arrays.fill(values, config.beta0());
    for (String head : context.heads()) {
      NDArray array =
          context.manager().create(values, new Shape(size)).toType(context.dataType(), true);
      array.setRequiresGradient(true);
      String name = PARAMETER_PREFIX + "beta." + head;
      Parameter parameter =
          Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).optArray(array).build();
      betas.add(parameter);
      byName.put(name, parameter);
    }
    classes = context.classes();
    seed = context.seed();
  }

  @Override
  public Map<String, Parameter> parameters() {
    checkInitialised();
    return Collections.unmodifiableMap(byName);
  }

  @Override
  public double defaultParameterLrMultiplier() {
    return MarginLossConfig.DEFAULT_BETA_LR_MULTIPLIER;
  }

  @Override
  public void beginIteration(long iteration) {
    this.iteration = iteration;
  }

  /** The loss of the first head; as {@link #evaluateHead(int, NDArray, NDArray)} with 0. */
  @Override
  public HeadLoss evaluateHead(NDArray labels, NDArray embeddings) {
    return evaluateHead(0, labels, embeddings);
  }

  @Override
  public HeadLoss evaluateHead(int head, NDArray labels, NDArray embeddings) {
    checkInitialised();
    ValidationException.check(
        head >= 0 && head < betas.size(),
        "%s has beta for %d heads, got head %d",
        getName(),
        betas.size(),
        head);
    NDArray beta = betas.get(head).getArray();
    ValidationException.check(
        embeddings.getDataType() == beta.getDataType(),
        "embeddings are %s, beta %s",
        embeddings.getDataType(),
        beta.getDataType());
    long[] ids = labels.toType(DataType.INT64, false).toLongArray();
    int[] rows = config.classSpecificBeta() ? classes.rows(ids) : new int[ids.length];
    double[] betaValues = beta.toType(DataType.FLOAT64, false).toDoubleArray();
    LossBatch.size(labels, embeddings);
    int dim = Math.toIntExact(embeddings.getShape().get(1));
    return PairDistances.evaluate(
        labels, embeddings, false, pairs -> compute(pairs, head, dim, ids, rows, beta, betaValues));
  }

  private HeadLoss compute(
      PairDistances pairs,
      int head,
      int dim,
      long[] ids,
      int[] rows,
      NDArray beta,
      double[] betaValues) {
    pairs.count(); // refuses a batch of a single class
    int n = pairs.size();
    double[][] distances = pairs.fixedRows();
    List<DistanceWeightedSampling.Triplet> triplets =
        DistanceWeightedSampling.sample(distances, ids, dim, config, seed, iteration, head);
    int betaSize = Math.toIntExact(beta.size());
    double[] anchorBetas = new double[n];
    double[] oneHot = new double[n * betaSize];
    for (int i = 0; i < n; i++) {
      anchorBetas[i] = betaValues[rows[i]];
      oneHot[i * betaSize + rows[i]] = 1;
    }
    MarginTerms terms = MarginTerms.of(triplets, distances, anchorBetas, config);

    NDManager scope = pairs.live().getManager();
    DataType type = pairs.live().getDataType();
    Shape square = new Shape(n, n);
    NDArray liveBetas =
        OwnedConstants.array(scope, oneHot, new Shape(n, betaSize), type).matMul(beta);
    NDArray column = liveBetas.reshape(n, 1);
    NDArray positiveTerms = pairs.live().sub(column).add(config.margin());
    NDArray negativeTerms = column.sub(pairs.live()).add(config.margin());
    NDArray loss =
        weighted(scope, terms.positive(), square, positiveTerms)
            .add(weighted(scope, terms.negative(), square, negativeTerms))
            .add(weighted(scope, terms.beta(), new Shape(n), liveBetas));
    return new HeadLoss(loss, terms.counts());
  }

  /** sum(weights * values), the weights a constant of {@code shape}. */
  private static NDArray weighted(NDManager scope, double[] weights, Shape shape, NDArray values) {
    return OwnedConstants.array(scope, weights, shape, values.getDataType()).mul(values).sum();
  }

  private void checkInitialised() {
    if (classes == null) {
      throw new IllegalStateException(
          getName() + " has a learned beta: call initialize(LossContext) first");
    }
  }

  /** DJL-style builder: every setting is optional and defaults to the paper's value. */
  public static final class Builder {
    private String name = "MarginLoss";
    private double margin = MarginLossConfig.DEFAULT_MARGIN;
    private double beta0 = MarginLossConfig.DEFAULT_BETA0;
    private double nu = MarginLossConfig.DEFAULT_NU;
    private double cutoff = MarginLossConfig.DEFAULT_CUTOFF;
    private double nonzeroLossCutoff = MarginLossConfig.DEFAULT_NONZERO_LOSS_CUTOFF;
    private boolean classSpecificBeta = MarginLossConfig.DEFAULT_CLASS_SPECIFIC_BETA;

    private Builder() {}

    /** The evaluator name shown in training logs. */
    public Builder optName(String name) {
      this.name = name;
      return this;
    }

    /** The margin alpha (default 0.2). */
    public Builder optMargin(double margin) {
      this.margin = margin;
      return this;
    }

    /** The initial beta, beta^(0) (default 1.2). */
    public Builder optBeta0(double beta0) {
      this.beta0 = beta0;
      return this;
    }

    /** The weight nu of the beta regulariser (default 0). */
    public Builder optNu(double nu) {
      this.nu = nu;
      return this;
    }

    /** The lower clip of the sampling distances (default 0.5). */
    public Builder optCutoff(double cutoff) {
      this.cutoff = cutoff;
      return this;
    }

    /** Negatives this far or farther are not sampled (default 1.4). */
    public Builder optNonzeroLossCutoff(double nonzeroLossCutoff) {
      this.nonzeroLossCutoff = nonzeroLossCutoff;
      return this;
    }

    /** One beta per training class (default) or one shared beta. */
    public Builder optClassSpecificBeta(boolean classSpecificBeta) {
      this.classSpecificBeta = classSpecificBeta;
      return this;
    }

    /** Validates the settings and builds the loss, whose beta {@code initialize} creates. */
    public MarginLoss build() {
      ValidationException.check(
          name != null && !name.isBlank(), "name must be non-blank, got '%s'", name);
      return new MarginLoss(
          name,
          new MarginLossConfig(margin, beta0, nu, cutoff, nonzeroLossCutoff, classSpecificBeta));
    }
  }
}
