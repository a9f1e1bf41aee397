package org.rll.storage.s3;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Builds the synchronous {@link S3Client} that {@link S3BlobStore} and {@link S3Source} share.
 *
 * <p>Checksums are computed and validated only when an operation requires them, although the
 * embedded S3Proxy now accepts the SDK's defaults: rll checks its artifacts end to end itself (a
 * SHA-256 of every checkpoint file and embedding shard, recorded at write and compared at read), so
 * transport CRCs would add little, while the SDK's default chunked CRC trailers are refused by
 * several S3-compatible servers people point rll at. The SDK retries throttling and connection
 * faults a few times with jittered backoff; what still fails surfaces as {@link
 * org.rll.core.exceptions.TransientStorageException} for the activity's own retry policy.
 */
public final class S3Clients {
  static final int MAX_ATTEMPTS = 4;
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration SOCKET_TIMEOUT = Duration.ofMinutes(2);
  private static final int MAX_CONNECTIONS = 32;

  private S3Clients() {}

  /** A client whose credentials come from the AWS default provider chain. */
  public static S3Client create(S3Settings settings) {
    return create(settings, DefaultCredentialsProvider.builder().build());
  }

  /** A client for {@code settings} that signs with {@code credentials}. */
  public static S3Client create(S3Settings settings, AwsCredentialsProvider credentials) {
    return create(settings.region(), settings.endpoint(), settings.pathStyle(), credentials);
  }

  /**
   * A client of any bucket in {@code region}, through {@code endpoint} when given, such as one that
   * reads {@code s3://} dataset sources.
   */
  public static S3Client create(
      String region,
      java.util.Optional<java.net.URI> endpoint,
      boolean pathStyle,
      AwsCredentialsProvider credentials) {
    S3ClientBuilder builder =
        S3Client.builder()
            .httpClientBuilder(
                Apache5HttpClient.builder()
                    .connectionTimeout(CONNECT_TIMEOUT)
                    .socketTimeout(SOCKET_TIMEOUT)
                    .maxConnections(MAX_CONNECTIONS))
            .credentialsProvider(credentials)
            .region(Region.of(region))
            .forcePathStyle(pathStyle)
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .overrideConfiguration(
                o ->
                    o.retryStrategy(
                        AwsRetryStrategy.standardRetryStrategy().toBuilder()
                            .maxAttempts(MAX_ATTEMPTS)
                            .build()));
    endpoint.ifPresent(builder::endpointOverride);
    return builder.build();
  }
}
