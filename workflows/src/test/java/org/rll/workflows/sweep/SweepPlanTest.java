package org.rll.workflows.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.rll.workflows.spec.InvalidSpecException;

class SweepPlanTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static SweepSpec sweep(String json) throws Exception {
    return JSON.readValue(json, SweepSpec.class);
  }

  private static SweepPlan plan(String json) throws Exception {
    return SweepPlan.of("sw", sweep(json));
  }

  private static String refusal(String json) {
    return assertThrows(InvalidSpecException.class, () -> plan(json)).getMessage();
  }

  @Test
  void aGridRunsEveryCombinationWithEverySeed() throws Exception {
    SweepPlan plan =
        plan(
            """
            {"base": {"dataset": {"source": "/d"}, "training": {"iterations": 10}},
             "axes": [{"path": "loss.alpha", "values": [1.0, 1.4]},
                      {"path": "sampler.classesPerBatch", "values": [4, 8, 16]}],
             "seeds": [0, 7], "maxParallel": 3}
            """);
    assertEquals(12, plan.runs().size());
    assertEquals(3, plan.maxParallel());
    SweepRun first = plan.runs().get(0);
    SweepRun second = plan.runs().get(1);
    assertEquals(1.0, first.spec().loss().alpha());
    assertEquals(4, first.spec().sampler().classesPerBatch());
    assertEquals(0L, first.spec().training().seed());
    assertEquals(7L, second.spec().training().seed());
    assertEquals(10, second.spec().training().iterations());
    assertEquals(first.setting(), second.setting());
    assertEquals("sw-" + first.setting().hash() + "-s7", second.runId());
    assertEquals(second.runId(), second.spec().runId());
    assertEquals(16, plan.runs().get(5).spec().sampler().classesPerBatch());
    assertEquals(1.4, plan.runs().get(6).spec().loss().alpha());
    assertEquals(12, plan.runs().stream().map(SweepRun::runId).distinct().count());
  }

  @Test
  void zipPairsTheIthValues() throws Exception {
    SweepPlan plan =
        plan(
            """
            {"base": {"dataset": {"source": "/d"}}, "combine": "zip",
             "axes": [{"path": "loss.alpha", "values": [1.0, 1.4]},
                      {"path": "loss.margin", "values": [0.2, 0.6]}]}
            """);
    assertEquals(
        List.of(List.of(1.0, 0.2), List.of(1.4, 0.6)),
        plan.runs().stream()
            .map(r -> List.of(r.spec().loss().alpha(), r.spec().loss().margin()))
            .toList());
    assertEquals(0L, plan.runs().get(0).seed(), "without seeds the base's seed, 0 by default");
    assertEquals(4, plan.maxParallel());
  }

  @Test
  void theHashNamesTheOverridesWhateverTheirOrder() throws Exception {
    SweepSetting setting =
        plan("""
            {"base": {"dataset": {"source": "/d"}},
             "axes": [{"path": "loss.margin", "values": [0.4]}, {"path": "loss.alpha", "values": [1.2]}]}
            """)
            .runs()
            .get(0)
            .setting();
    assertEquals("loss.alpha=1.2, loss.margin=0.4", setting.describe());
    SweepSetting swapped =
        plan("""
            {"base": {"dataset": {"source": "/d"}},
             "axes": [{"path": "loss.alpha", "values": [1.2]}, {"path": "loss.margin", "values": [0.4]}]}
            """)
            .runs()
            .get(0)
            .setting();
    assertEquals(setting.hash(), swapped.hash());
    assertEquals(10, setting.hash().length());
    assertNotEquals(
        setting.hash(), new SweepSetting(Map.of("loss.alpha", JSON.valueToTree(1.3))).hash());
  }

  @Test
  void badSweepsAreRefusedBeforeAnyRunStarts() {
    String base = "\"base\": {\"dataset\": {\"source\": \"/d\"}}";
    assertEquals(
        "loss.alpah is not a spec field; the fields of loss are alpha, balance, lrMultiplier,"
            + " margin, positiveTemperature, temperature, type",
        refusal("{" + base + ", \"axes\": [{\"path\": \"loss.alpah\", \"values\": [1]}]}"));
    assertEquals(
        "setting loss.alpha=\"high\": spec field loss.alpha must be a number, got the string"
            + " \"high\"",
        refusal("{" + base + ", \"axes\": [{\"path\": \"loss.alpha\", \"values\": [\"high\"]}]}"));
    assertEquals(
        "maxParallel must be at least 1, got 0",
        refusal(
            "{"
                + base
                + ", \"maxParallel\": 0, \"axes\": [{\"path\": \"loss.alpha\", \"values\": [1]}]}"));
    assertEquals(
        "a sweep needs at least one axis: \"axes\": [{\"path\": \"loss.alpha\", \"values\":"
            + " [1.0, 1.4]}]",
        refusal("{" + base + ", \"axes\": []}"));
    assertEquals(
        "axis loss.alpha has no values",
        refusal("{" + base + ", \"axes\": [{\"path\": \"loss.alpha\", \"values\": []}]}"));
    assertEquals(
        "axis training.seed is set by the sweep itself: give seeds in \"seeds\"",
        refusal("{" + base + ", \"axes\": [{\"path\": \"training.seed\", \"values\": [1]}]}"));
    assertEquals(
        "zip needs axes of one length: loss.alpha has 2 values, loss.margin has 1",
        refusal(
            "{"
                + base
                + ", \"combine\": \"zip\", \"axes\": [{\"path\": \"loss.alpha\", \"values\": [1, 2]},"
                + " {\"path\": \"loss.margin\", \"values\": [0.1]}]}"));
  }

  @Test
  void aGridOverTenThousandSettingsNeedsAllowLarge() throws Exception {
    String axes =
        "\"axes\": [{\"path\": \"loss.alpha\", \"values\": "
            + range(101)
            + "},"
            + " {\"path\": \"loss.margin\", \"values\": "
            + range(100)
            + "}]";
    assertEquals(
        "the grid has 10,100 settings; more than 10,000 need allowLarge (rll sweep --yes)",
        refusal("{\"base\": {\"dataset\": {\"source\": \"/d\"}}, " + axes + "}"));
    SweepPlan allowed =
        plan("{\"base\": {\"dataset\": {\"source\": \"/d\"}}, \"allowLarge\": true, " + axes + "}");
    assertEquals(10_100, allowed.runs().size());
  }

  private static String range(int n) {
    return IntStream.range(0, n)
        .mapToObj(Integer::toString)
        .collect(Collectors.joining(",", "[", "]"));
  }
}
