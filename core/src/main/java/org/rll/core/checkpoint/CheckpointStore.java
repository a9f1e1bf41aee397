package org.rll.core.checkpoint;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.rll.core.exceptions.CorruptDataException;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.model.NamedArrays;
import org.rll.core.optim.Sgd;
import org.rll.core.storage.BlobStore;
import org.rll.core.storage.PutResult;

/**
 * Saves and restores a run's training state in a {@link BlobStore}: parameters (BatchNorm
 * statistics included), optimiser state, iteration, config and library versions. {@code meta.json}
 * goes last, so only complete checkpoints are ever found; every file is checked against the digest
 * it records before it is used.
 */
public final class CheckpointStore {
  private static final Gson JSON = new Gson();

  private final BlobStore store;
  private final CheckpointKeys keys;

  /** The checkpoints of the run whose artifacts live under {@code runPrefix} (ends in '/'). */
  public CheckpointStore(BlobStore store, String runPrefix) {
    this.store = store;
    this.keys = new CheckpointKeys(runPrefix);
  }

  /** Writes the state after {@code iteration} completed iterations. */
  public CheckpointMeta save(
      long iteration, Map<String, Parameter> parameters, Sgd sgd, TrainingIdentity identity) {
    Map<String, CheckpointMeta.FileDigest> files = new TreeMap<>();
    try (NDManager scope = NDManager.newBaseManager(ai.djl.Device.cpu())) {
      ByteArrayOutputStream params = new ByteArrayOutputStream();
      NamedArrays.snapshot(parameters, scope).encode(params);
      put(iteration, CheckpointKeys.PARAMETERS, params.toByteArray(), files);
      ByteArrayOutputStream optimizer = new ByteArrayOutputStream();
      sgd.save(optimizer);
      put(iteration, CheckpointKeys.OPTIMIZER, optimizer.toByteArray(), files);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the checkpoint of iteration " + iteration, e);
    }
    CheckpointMeta meta =
        new CheckpointMeta(
            CheckpointMeta.FORMAT,
            iteration,
            identity.configHash(),
            identity.config(),
            versions(),
            files);
    byte[] json = JSON.toJson(meta).getBytes(StandardCharsets.UTF_8);
    store.put(keys.file(iteration, CheckpointKeys.META), json);
    return meta;
  }

  private void put(
      long iteration, String name, byte[] bytes, Map<String, CheckpointMeta.FileDigest> files) {
    PutResult result = store.put(keys.file(iteration, name), bytes);
    files.put(name, new CheckpointMeta.FileDigest(result.sha256(), result.size()));
  }

  /** The complete checkpoint with the highest iteration, if any. */
  public Optional<CheckpointMeta> newest() {
    long newest = -1;
    for (String key : store.list(keys.root())) {
      OptionalLong iteration = keys.metaIteration(key);
      if (iteration.isPresent() && iteration.getAsLong() > newest) {
        newest = iteration.getAsLong();
      }
    }
    return newest < 0 ? Optional.empty() : Optional.of(meta(newest));
  }

  /** The key prefix of the checkpoint at {@code iteration}; its files lie under it. */
  public String location(long iteration) {
    String meta = keys.file(iteration, CheckpointKeys.META);
    return meta.substring(0, meta.length() - CheckpointKeys.META.length());
  }

  /** The meta of the checkpoint at {@code iteration}. */
  public CheckpointMeta meta(long iteration) {
    String key = keys.file(iteration, CheckpointKeys.META);
    try {
      String json = new String(store.readAllBytes(key), StandardCharsets.UTF_8);
      return JSON.fromJson(json, CheckpointMeta.class);
    } catch (JsonParseException e) {
      throw new CorruptDataException("unreadable checkpoint meta " + store.describe(key), e);
    }
  }

  /**
   * Loads a checkpoint into a freshly built model and optimiser.
   *
   * @throws ValidationException when the checkpoint belongs to another config
   * @throws CorruptDataException when a file does not match its digest or a parameter is missing
   */
  public void restore(
      CheckpointMeta meta, Map<String, Parameter> parameters, Sgd sgd, TrainingIdentity identity) {
    ValidationException.check(
        meta.configHash().equals(identity.configHash()),
        "checkpoint %d of %s was made with config hash %s, but this run's config hashes to %s;"
            + " resume with the config it was made with, or start a new run",
        meta.iteration(),
        keys.root(),
        meta.configHash(),
        identity.configHash());
    try (NDManager scope = NDManager.newBaseManager(ai.djl.Device.cpu())) {
      byte[] params = verified(meta, CheckpointKeys.PARAMETERS);
      NamedArrays.LoadReport report = NamedArrays.load(parameters, NDList.decode(scope, params));
      if (!report.isExact()) {
        throw new CorruptDataException(
            String.format(
                "checkpoint %d does not fit the model: missing %s, unexpected %s",
                meta.iteration(), report.missing(), report.unexpected()));
      }
      sgd.load(new ByteArrayInputStream(verified(meta, CheckpointKeys.OPTIMIZER)));
    } catch (IOException e) {
      throw new CorruptDataException("unreadable checkpoint " + meta.iteration(), e);
    }
  }

  private byte[] verified(CheckpointMeta meta, String name) {
    String key = keys.file(meta.iteration(), name);
    byte[] bytes = store.readAllBytes(key);
    CheckpointMeta.FileDigest expected = meta.files().get(name);
    String actual = org.rll.core.storage.Sha256Counter.hex(bytes);
    if (expected == null || !expected.sha256().equals(actual)) {
      throw new CorruptDataException(
          String.format(
              "%s has SHA-256 %s, its checkpoint meta records %s",
              store.describe(key), actual, expected == null ? "nothing" : expected.sha256()));
    }
    return bytes;
  }

  private static Map<String, String> versions() {
    Map<String, String> versions = new TreeMap<>();
    Package core = CheckpointStore.class.getPackage();
    versions.put(
        "rll", core.getImplementationVersion() == null ? "dev" : core.getImplementationVersion());
    versions.put("djl", Engine.getDjlVersion());
    Engine engine = Engine.getInstance();
    versions.put(engine.getEngineName().toLowerCase(java.util.Locale.ROOT), engine.getVersion());
    versions.put("java", System.getProperty("java.version"));
    return versions;
  }
}
