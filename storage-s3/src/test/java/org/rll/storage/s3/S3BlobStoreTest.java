package org.rll.storage.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rll.core.storage.BlobStore;
import org.rll.core.storage.BlobStoreContract;
import org.rll.core.storage.PutResult;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The shared blob store contract against S3Proxy, with 5 MiB parts so big blobs go multipart. */
class S3BlobStoreTest extends BlobStoreContract {
  @RegisterExtension static final S3ProxyExtension S3 = new S3ProxyExtension();

  @Override
  protected BlobStore store() {
    return S3.newStore("");
  }

  @Test
  void keyPrefixIsAppliedToObjectsButHiddenFromBlobKeys() {
    S3BlobStore store = S3.newStore("tenant/a/");
    store.put("runs/r1/x", new byte[] {1, 2});
    store.copy("runs/r1/x", "runs/r1/y");
    String bucket = store.describe("k").split("/")[2];
    List<String> objects =
        S3.client().listObjectsV2(b -> b.bucket(bucket)).contents().stream()
            .map(S3Object::key)
            .filter(k -> !k.endsWith("/"))
            .toList();
    assertEquals(List.of("tenant/a/runs/r1/x", "tenant/a/runs/r1/y"), objects);
    assertEquals(List.of("runs/r1/x", "runs/r1/y"), store.list("runs/"));
    assertEquals("s3://" + bucket + "/tenant/a/runs/r1/x", store.describe("runs/r1/x"));
    assertArrayEquals(new byte[] {1, 2}, store.readAllBytes("runs/r1/y"));
  }

  @Test
  void blobsOfExactlyOnePartOrTwoRoundTrip() throws Exception {
    BlobStore store = store();
    for (int size :
        new int[] {
          S3Settings.MIN_PART_SIZE - 1, S3Settings.MIN_PART_SIZE, 2 * S3Settings.MIN_PART_SIZE
        }) {
      byte[] data = new byte[size];
      for (int i = 0; i < size; i++) {
        data[i] = (byte) (i ^ (i >>> 9));
      }
      PutResult result = store.put("blob-" + size, data);
      assertEquals(size, result.size());
      String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
      assertEquals(expected, result.sha256(), "size " + size);
      assertArrayEquals(data, store.readAllBytes("blob-" + size), "size " + size);
    }
  }

  @Test
  void openPastTheEndIsEmpty() throws Exception {
    BlobStore store = store();
    store.put("k", new byte[] {1, 2, 3});
    try (var in = store.open("k", 3)) {
      assertEquals(0, in.readAllBytes().length);
    }
    try (var in = store.open("k", 10)) {
      assertEquals(0, in.readAllBytes().length);
    }
  }
}
