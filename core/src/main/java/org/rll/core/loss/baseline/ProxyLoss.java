package org.rll.core.loss.baseline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.loss.EmbeddingLoss;
import org.rll.core.loss.HeadLoss;
import org.rll.core.loss.LossContext;
import org.rll.core.loss.TrainingClasses;
import org.rll.core.random.SplitMix64;

/**
 * A loss that compares embeddings with one learned proxy per training class: each head has its own
 * C x d parameter {@code loss.proxies.<head>}, whose row r is the proxy of class {@code
 * classIds()[r]} ({@link TrainingClasses}).
 *
 * <p>The papers only say the proxies start random. Here row r of head h is a standard normal vector
 * drawn from {@code SplitMix64.derive(seed, PROXY_STREAM, h, r)} and scaled to unit length: the
 * initial proxies are a function of the seed alone, and already on the sphere the losses compare on
 * (both normalise proxies, so the scale only sets how fast their directions move).
 */
public abstract class ProxyLoss extends EmbeddingLoss {
  private static final long PROXY_STREAM = 0x70726f78L;

  private TrainingClasses classes;
  private final List<Parameter> proxies = new ArrayList<>();
  private final Map<String, Parameter> byName = new LinkedHashMap<>();

  protected ProxyLoss(String name) {
    super(name);
  }

  /** Creates the proxies of every head of {@code context}; once only. */
  @Override
  public void initialize(LossContext context) {
    ValidationException.check(classes == null, "%s is already initialised", getName());
    ValidationException.check(
        context.classes().size() >= minimumClasses(),
        "%s needs at least %d training classes, got %d",
        getName(),
        minimumClasses(),
        context.classes().size());
    int rows = context.classes().size();
    for (int h = 0; h < context.heads().size(); h++) {
      double[] values = new double[rows * context.dim()];
      for (int r = 0; r < rows; r++) {
        SplitMix64 random = SplitMix64.derive(context.seed(), PROXY_STREAM, h, r);
        double[] row = randomUnitVector(random, context.dim());
        System.arraycopy(row, 0, values, r * context.dim(), context.dim());
      }
      NDArray array =
          context
              .manager()
              .create(values, new Shape(rows, context.dim()))
              .toType(context.dataType(), true);
      array.setRequiresGradient(true);
      String name = PARAMETER_PREFIX + "proxies." + context.heads().get(h);
      Parameter parameter =
          Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).optArray(array).build();
      proxies.add(parameter);
      byName.put(name, parameter);
    }
    classes = context.classes();
  }

  /** The fewest training classes the loss is defined for. */
  protected int minimumClasses() {
    return 1;
  }

  @Override
  public Map<String, Parameter> parameters() {
    checkInitialised();
    return Collections.unmodifiableMap(byName);
  }

  /** The training classes whose proxies this loss holds. */
  public TrainingClasses classes() {
    checkInitialised();
    return classes;
  }

  /** The proxies of the first head; as {@link #evaluateHead(int, NDArray, NDArray)} with 0. */
  @Override
  public final HeadLoss evaluateHead(NDArray labels, NDArray embeddings) {
    return evaluateHead(0, labels, embeddings);
  }

  @Override
  public final HeadLoss evaluateHead(int head, NDArray labels, NDArray embeddings) {
    checkInitialised();
    ValidationException.check(
        head >= 0 && head < proxies.size(),
        "%s has proxies for %d heads, got head %d",
        getName(),
        proxies.size(),
        head);
    NDArray headProxies = proxies.get(head).getArray();
    ValidationException.check(
        embeddings.getShape().dimension() == 2
            && embeddings.getShape().get(1) == headProxies.getShape().get(1),
        "embeddings must be batch x %d, got shape %s",
        headProxies.getShape().get(1),
        embeddings.getShape());
    ValidationException.check(
        labels.size() == embeddings.getShape().get(0),
        "labels size %d != batch size %d",
        labels.size(),
        embeddings.getShape().get(0));
    ValidationException.check(
        embeddings.getDataType() == headProxies.getDataType(),
        "embeddings are %s, the proxies %s",
        embeddings.getDataType(),
        headProxies.getDataType());
    int[] rows = classes.rows(labels);
    NDManager caller = embeddings.getManager();
    try (NDManager scope = NDManager.subManagerOf(embeddings)) {
      scope.tempAttachAll(embeddings, labels);
      NDArray onehot =
          scope
              .create(java.util.Arrays.stream(rows).asLongStream().toArray())
              .toDevice(embeddings.getDevice(), false)
              .oneHot(classes.size())
              .toType(embeddings.getDataType(), false);
      HeadLoss loss = compute(unitRows(embeddings), unitRows(headProxies), onehot);
      loss.loss().attach(caller);
      return loss;
    }
  }

  /**
   * One head's loss from the unit-length embeddings (N x d), the unit-length proxies (C x d) and
   * each embedding's class as a one-hot row (N x C, in the embeddings' type). Temporaries may be
   * left in the current scope; the loss is moved to the caller's manager.
   */
  protected abstract HeadLoss compute(NDArray embeddings, NDArray proxies, NDArray classOf);

  private void checkInitialised() {
    if (classes == null) {
      throw new IllegalStateException(
          getName() + " has learned proxies: call initialize(LossContext) first");
    }
  }

  private static NDArray unitRows(NDArray rows) {
    return rows.div(rows.norm(new int[] {1}, true));
  }

  private static double[] randomUnitVector(SplitMix64 random, int dim) {
    double[] values = new double[dim];
    double norm = 0;
    for (int k = 0; k < dim; k++) {
      values[k] = random.nextGaussian();
      norm += values[k] * values[k];
    }
    for (int k = 0; k < dim; k++) {
      values[k] /= Math.sqrt(norm);
    }
    return values;
  }
}
