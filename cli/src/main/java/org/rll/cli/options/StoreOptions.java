package org.rll.cli.options;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.rll.core.dataset.fetch.HttpSourceConfig;
import org.rll.core.dataset.fetch.Sources;
import org.rll.core.storage.BlobStore;
import org.rll.core.storage.FileSystemBlobStore;
import org.rll.storage.s3.S3BlobStore;
import org.rll.storage.s3.S3Clients;
import org.rll.storage.s3.S3Settings;
import org.rll.storage.s3.S3Source;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Where artifacts go: S3 when a bucket is named (credentials from the AWS default chain), else a
 * local directory. Every option also reads an environment variable.
 */
public final class StoreOptions {
  @Option(
      names = "--store-dir",
      paramLabel = "<dir>",
      description =
          "Local artifact directory when no S3 bucket is given (env RLL_STORE_DIR; default:"
              + " ${DEFAULT-VALUE}).")
  Path storeDirectory;

  @Option(
      names = "--s3-bucket",
      defaultValue = "${env:RLL_S3_BUCKET}",
      description = "S3 bucket for artifacts (env RLL_S3_BUCKET).")
  String bucket;

  @Option(
      names = "--s3-endpoint",
      defaultValue = "${env:RLL_S3_ENDPOINT}",
      description = "S3-compatible endpoint, such as http://127.0.0.1:9000 (env RLL_S3_ENDPOINT).")
  URI endpoint;

  @Option(
      names = "--s3-region",
      defaultValue = "${env:AWS_REGION:-us-east-1}",
      description = "S3 region (default: ${DEFAULT-VALUE}).")
  String region;

  @Option(
      names = "--s3-prefix",
      defaultValue = "${env:RLL_S3_PREFIX}",
      description = "Key prefix inside the bucket (env RLL_S3_PREFIX).")
  String keyPrefix;

  private S3Client client;

  /** The configured store. */
  public BlobStore open() {
    if (bucket == null || bucket.isBlank()) {
      return new FileSystemBlobStore(storeDirectory);
    }
    S3Settings.Builder settings =
        S3Settings.builder().setBucket(bucket).optRegion(region).optPathStyle(endpoint != null);
    Optional.ofNullable(endpoint).ifPresent(settings::optEndpoint);
    Optional.ofNullable(keyPrefix).ifPresent(settings::optKeyPrefix);
    return new S3BlobStore(client(), settings.build());
  }

  /** Sources for dataset URIs: file, http(s), and s3 through the same endpoint and region. */
  public Sources sources() {
    return Sources.defaults(HttpSourceConfig.defaults()).with("s3", new S3Source(client()));
  }

  /** One client for the store and the sources, created on first use. */
  private S3Client client() {
    if (client == null) {
      client =
          S3Clients.create(
              region,
              Optional.ofNullable(endpoint),
              endpoint != null,
              DefaultCredentialsProvider.builder().build());
    }
    return client;
  }
}
