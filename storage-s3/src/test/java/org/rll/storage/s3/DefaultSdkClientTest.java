package org.rll.storage.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * The AWS SDK for Java v2 at its default settings against the embedded S3 server: no checksum
 * override, so it sends CRC32 checksums on every write (as a trailer of an {@code aws-chunked} body
 * when the length is unknown), asks for checksums on every read, and validates them.
 */
class DefaultSdkClientTest {
  @RegisterExtension static final S3ProxyExtension S3 = new S3ProxyExtension();

  private static final byte[] SMALL = "the ONNX model, say".getBytes(StandardCharsets.UTF_8);

  private static S3Client client;
  private static String bucket;

  @BeforeAll
  static void defaultClient() {
    client =
        S3Client.builder()
            .httpClientBuilder(Apache5HttpClient.builder())
            .endpointOverride(S3.server().endpoint())
            .forcePathStyle(true)
            .region(Region.US_EAST_1)
            .credentialsProvider(S3ProxyExtension.credentials())
            .build();
    bucket = S3.newBucket();
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @Test
  void putThenGetWithChecksumsOn() {
    client.putObject(b -> b.bucket(bucket).key("runs/r/model.onnx"), RequestBody.fromBytes(SMALL));

    var get = client.getObjectAsBytes(b -> b.bucket(bucket).key("runs/r/model.onnx"));
    assertArrayEquals(SMALL, get.asByteArray());
    String returned = get.response().checksumCRC32();
    if (returned != null) {
      assertEquals(crc32(SMALL), returned, "a CRC32 the server returns is that of the data");
    }
  }

  @Test
  void aStreamOfUnknownLengthGoesWithATrailingChecksum() {
    byte[] data = new byte[200_000];
    Arrays.fill(data, (byte) 7);
    client.putObject(
        b -> b.bucket(bucket).key("stream"),
        RequestBody.fromContentProvider(
            () -> new ByteArrayInputStream(data), "application/octet-stream"));
    assertArrayEquals(
        data, client.getObjectAsBytes(b -> b.bucket(bucket).key("stream")).asByteArray());
  }

  @Test
  void rangedGet() {
    client.putObject(b -> b.bucket(bucket).key("range"), RequestBody.fromBytes(SMALL));
    byte[] part =
        client
            .getObjectAsBytes(b -> b.bucket(bucket).key("range").range("bytes=4-7"))
            .asByteArray();
    assertEquals("ONNX", new String(part, StandardCharsets.UTF_8));
  }

  @Test
  void multipartUploadWithAChecksumPerPart() {
    byte[] first = new byte[5 * 1024 * 1024];
    Arrays.fill(first, (byte) 1);
    byte[] second = "and the rest".getBytes(StandardCharsets.UTF_8);
    String upload =
        client
            .createMultipartUpload(
                b -> b.bucket(bucket).key("parts").checksumAlgorithm(ChecksumAlgorithm.CRC32))
            .uploadId();
    UploadPartResponse one =
        client.uploadPart(
            b -> b.bucket(bucket).key("parts").uploadId(upload).partNumber(1),
            RequestBody.fromBytes(first));
    UploadPartResponse two =
        client.uploadPart(
            b -> b.bucket(bucket).key("parts").uploadId(upload).partNumber(2),
            RequestBody.fromBytes(second));
    client.completeMultipartUpload(
        b ->
            b.bucket(bucket)
                .key("parts")
                .uploadId(upload)
                .multipartUpload(
                    m ->
                        m.parts(
                            part(1, one.eTag(), one.checksumCRC32()),
                            part(2, two.eTag(), two.checksumCRC32()))));

    byte[] whole = client.getObjectAsBytes(b -> b.bucket(bucket).key("parts")).asByteArray();
    assertEquals(first.length + second.length, whole.length);
    assertArrayEquals(second, Arrays.copyOfRange(whole, first.length, whole.length));
  }

  @Test
  void list() {
    String listed = S3.newBucket();
    for (String key : List.of("runs/a/model.onnx", "runs/b/model.onnx")) {
      client.putObject(b -> b.bucket(listed).key(key), RequestBody.fromBytes(SMALL));
    }
    List<String> keys =
        client.listObjectsV2(b -> b.bucket(listed).prefix("runs/")).contents().stream()
            .map(S3Object::key)
            .toList();
    assertEquals(List.of("runs/a/model.onnx", "runs/b/model.onnx"), keys);
  }

  /** CRC32 as S3 writes it: the 4 big-endian bytes in base64. */
  private static String crc32(byte[] data) {
    CRC32 crc = new CRC32();
    crc.update(data);
    return Base64.getEncoder()
        .encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  private static CompletedPart part(int number, String eTag, String crc32) {
    return CompletedPart.builder().partNumber(number).eTag(eTag).checksumCRC32(crc32).build();
  }
}
