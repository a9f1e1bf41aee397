package org.rll.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rll.workflows.pipeline.Progress;

class DataConvertersTest {

  @Test
  void readsJsonWithFieldsItDoesNotKnow() {
    Payload payload =
        Payload.newBuilder()
            .putMetadata("encoding", ByteString.copyFromUtf8("json/plain"))
            .setData(
                ByteString.copyFrom(
                    """
                    {"runId": "r", "stage": "train", "iteration": 5, "totalIterations": 10,
                     "lastLoss": 0.5, "evaluations": [], "gpuTemperature": 71}
                    """,
                    StandardCharsets.UTF_8))
            .build();
    Progress progress =
        DataConverters.tolerant().fromPayload(payload, Progress.class, Progress.class);
    assertEquals(new Progress("r", "train", 5, 10, 0.5, null, null, List.of(), null), progress);
  }
}
