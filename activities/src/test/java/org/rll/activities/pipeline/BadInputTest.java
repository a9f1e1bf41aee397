package org.rll.activities.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.Payloads;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestEnvironmentOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rll.core.dataset.fetch.HttpSourceConfig;
import org.rll.core.dataset.fetch.Sources;
import org.rll.storage.s3.S3ProxyExtension;
import org.rll.storage.s3.S3Source;
import org.rll.workflows.pipeline.PipelineResult;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Every kind of bad input, started as raw payloads through the service API the way the Temporal CLI
 * sends them, against the real activities, S3Proxy and PostgreSQL: each run ends FAILED at once,
 * non-retryable, with a message that names the problem. None stays running.
 */
class BadInputTest extends PipelineTest {
  @RegisterExtension static final S3ProxyExtension S3 = new S3ProxyExtension();
  private static final long LIMIT_SECONDS = 30;
  private static String bucket;
  private static Path files;

  BadInputTest(DataSource dataSource) {
    super(dataSource);
  }

  @BeforeAll
  static void writeBadSources() throws IOException {
    files = Files.createDirectories(sources.resolve("bad"));
    byte[] noise = new byte[4096];
    new Random(11).nextBytes(noise);
    Files.write(files.resolve("noise.tgz"), noise);
    try (ZipOutputStream zip =
        new ZipOutputStream(Files.newOutputStream(files.resolve("pictures.zip")))) {
      for (String name : List.of("a.png", "b.png")) {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(noise, 0, 64);
        zip.closeEntry();
      }
    }
    bucket = S3.newBucket();
    S3.client()
        .putObject(b -> b.bucket(bucket).key("datasets/cub/part-1"), RequestBody.fromString("x"));
  }

  @Override
  PipelineHarness newHarness() {
    Sources fetchers =
        Sources.defaults(HttpSourceConfig.defaults()).with("s3", new S3Source(S3.client()));
    return new PipelineHarness(
        PipelineHarness.fileSystemEnvironment(dir, repository, fetchers),
        dir.resolve("store"),
        UnaryOperator.identity(),
        TestEnvironmentOptions.getDefaultInstance());
  }

  static Stream<Arguments> badInputs() {
    String fm = "{\"dataset\":{\"source\":\"" + fashionMnist.toUri() + "\"}";
    return Stream.of(
        bad(
            "a string for a number",
            fm + ",\"loss\":{\"temperature\":\"hot\"}}",
            "InvalidSpecException",
            "spec field loss.temperature must be a number, got the string \"hot\""),
        bad(
            "JSON null",
            "null",
            "InvalidSpecException",
            "the spec must be a JSON object such as {\"dataset\":{\"source\":\"...\"}}, got null"),
        bad(
            "an array",
            "[" + fm + "}]",
            "InvalidSpecException",
            "the spec must be a JSON object such as {\"dataset\":{\"source\":\"...\"}}, got an array"),
        bad(
            "a string",
            "\"CUB_200_2011.tgz\"",
            "InvalidSpecException",
            "the spec must be a JSON object such as {\"dataset\":{\"source\":\"...\"}}, got the string \"CUB_200_2011.tgz\""),
        bad(
            "malformed JSON",
            fm,
            "InvalidSpecException",
            "the spec is not valid JSON: Unexpected end-of-input: expected close marker for Object"),
        bad(
            "a duplicated key",
            fm + ",\"loss\":{\"alpha\":1.2,\"alpha\":1.3}}",
            "InvalidSpecException",
            "the spec is not valid JSON: Duplicate field 'alpha'"),
        bad(
            "deep nesting",
            fm + ",\"x\":" + "[".repeat(40) + "]".repeat(40) + "}",
            "InvalidSpecException",
            "the spec is not valid JSON: Document nesting depth (17) exceeds the maximum allowed (16)"),
        bad(
            "an int overflow",
            fm + ",\"training\":{\"iterations\":1e20}}",
            "InvalidSpecException",
            "spec field training.iterations must be an integer that fits 32 bits, got the number 1E+20"),
        bad(
            "a double overflow",
            fm + ",\"loss\":{\"alpha\":1e400}}",
            "InvalidSpecException",
            "spec field loss.alpha must be a finite number, got 1E+400"),
        bad(
            "NaN",
            fm + ",\"loss\":{\"alpha\":NaN}}",
            "InvalidSpecException",
            "the spec is not valid JSON: Non-standard token 'NaN'"),
        bad(
            "a 3 MB string",
            "{\"dataset\":{\"source\":\"" + "a".repeat(3 << 20) + "\"}}",
            "InvalidSpecException",
            "the spec is 3,145,753 bytes; a spec is at most 262,144"),
        bad(
            "a null in a list",
            fm + ",\"model\":{\"heads\":[\"H\",null]}}",
            "InvalidSpecException",
            "spec field model.heads[1] must not be null"),
        bad(
            "no retries at all",
            fm + ",\"retry\":{\"maxAttempts\":0}}",
            "InvalidSpecException",
            "retry.maxAttempts must be 1-1000, got 0"),
        bad("an empty object", "{}", "ValidationException", "dataset.source is required"),
        bad(
            "a run id with control characters",
            fm + ",\"runId\":\"run\\u0007\\n1\"}",
            "ValidationException",
            "runId must be 1-128 letters"),
        bad(
            "negative iterations",
            fm + ",\"training\":{\"iterations\":-5}}",
            "ValidationException",
            "training.iterations must be >= 1, got -5"),
        bad(
            "an unknown format",
            fm.replace("}", ",\"format\":\"imagenet\"}") + "}",
            "ValidationException",
            "dataset.format: unknown dataset format 'imagenet', expected one of cub200"),
        bad(
            "a URL with a port and no host",
            source("http://:8080/CUB_200_2011.tgz"),
            "ValidationException",
            "dataset source 'http://:8080/CUB_200_2011.tgz' has no host name"),
        bad(
            "a bucket that does not exist",
            source("s3://no-such-bucket/CUB_200_2011.tgz"),
            "StorageAccessException",
            "cannot read s3://no-such-bucket/CUB_200_2011.tgz: HTTP 404 NoSuchBucket (the bucket"
                + " does not exist)"),
        bad(
            "an S3 key that names a directory",
            source("s3://BUCKET/datasets/cub/"),
            "ValidationException",
            "the path of 's3://BUCKET/datasets/cub/' must end in an archive file name"),
        bad(
            "an S3 key that is a prefix of objects",
            source("s3://BUCKET/datasets/cub"),
            "BlobNotFoundException",
            "s3://BUCKET/datasets/cub/ is a prefix of 1 object, not an object; point the source at"
                + " an archive"),
        bad(
            "a zip without label files",
            source(files.resolve("pictures.zip").toUri().toString()),
            "ValidationException",
            "cub200 dataset: missing label file images.txt"),
        bad(
            "a file that is not an archive",
            source(files.resolve("noise.tgz").toUri().toString()),
            "CorruptDataException",
            "'noise.tgz' is not a gzip stream (first bytes "),
        bad(
            "a missing file",
            source(files.resolve("missing.tgz").toUri().toString()),
            "BlobNotFoundException",
            "no file at '"));
  }

  @Test
  void aTenMegabyteInputIsRefusedAtTheStart() {
    String json = "{\"dataset\":{\"source\":\"" + "a".repeat(10 << 20) + "\"}}";

    StatusRuntimeException refused =
        assertThrows(
            StatusRuntimeException.class,
            () -> harness.startRaw("bad-huge", PipelineHarness.json(json)));

    assertEquals(Status.Code.RESOURCE_EXHAUSTED, refused.getStatus().getCode());
    assertThrows(
        WorkflowNotFoundException.class,
        () -> harness.client.newUntypedWorkflowStub("bad-huge").describe());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void failsAtOnceNamingTheProblem(String what, Payloads input, String type, String message)
      throws Exception {
    String workflowId = "bad-" + what.replaceAll("[^a-z0-9]+", "-");
    long started = System.nanoTime();
    harness.startRaw(workflowId, input);

    WorkflowFailedException failed =
        assertThrows(
            WorkflowFailedException.class,
            () ->
                harness
                    .client
                    .newUntypedWorkflowStub(workflowId)
                    .getResult(LIMIT_SECONDS, TimeUnit.SECONDS, PipelineResult.class));

    ApplicationFailure failure = firstApplicationFailure(failed);
    String expected = message.replace("BUCKET", bucket);
    System.out.printf(
        Locale.ROOT,
        "| %s | %s | %s | %.1f s |%n",
        what,
        failure.getType(),
        failure.getOriginalMessage(),
        (System.nanoTime() - started) / 1e9);
    assertTrue(failure.isNonRetryable(), failure.getOriginalMessage());
    assertEquals(type, failure.getType());
    assertTrue(failure.getOriginalMessage().startsWith(expected), failure.getOriginalMessage());
  }

  private static ApplicationFailure firstApplicationFailure(Throwable failed) {
    for (Throwable e = failed; e != null; e = e.getCause()) {
      if (e instanceof ApplicationFailure application) {
        return application;
      }
    }
    return assertInstanceOf(ApplicationFailure.class, failed.getCause());
  }

  private static String source(String uri) {
    return "{\"dataset\":{\"source\":\""
        + uri.replace("BUCKET", bucket)
        + "\",\"format\":\"cub200\"}}";
  }

  private static Arguments bad(String what, String json, String type, String message) {
    return Arguments.of(what, PipelineHarness.json(json), type, message);
  }
}
