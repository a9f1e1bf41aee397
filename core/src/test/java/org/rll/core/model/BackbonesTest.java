package org.rll.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackbonesTest {
  private static final Shape INPUT = new Shape(2, 3, 64, 64);

  private static long trainable(Map<String, Parameter> names) {
    return names.values().stream()
        .filter(Parameter::requiresGradient)
        .mapToLong(p -> p.getArray().size())
        .sum();
  }

  @Test
  void resNet50HasTorchvisionNamesSizesAndLevels() {
    try (NDManager manager = NDManager.newBaseManager()) {
      TappedSequence backbone = ResNet50.backbone();
      backbone.initialize(manager, DataType.FLOAT32, INPUT);
      Map<String, Parameter> names = ParameterNames.of(backbone);
      // torchvision's resnet50 has 25,557,032 parameters, 2,049,000 of them in the classifier.
      assertEquals(23_508_032, trainable(names));
      assertTrue(names.containsKey("layer1.0.downsample.0.weight"));
      assertTrue(names.containsKey("layer3.5.bn2.running_var"));
      assertEquals(
          new Shape(2048, 1024, 1, 1), names.get("layer4.0.downsample.0.weight").getShape());
      Shape[] levels = backbone.getOutputShapes(new Shape[] {INPUT});
      assertEquals(
          List.of(new Shape(2, 512, 8, 8), new Shape(2, 1024, 4, 4), new Shape(2, 2048, 2, 2)),
          List.of(levels));
    }
  }

  @Test
  void bnInceptionHasThePortsNamesAndLevels() {
    try (NDManager manager = NDManager.newBaseManager()) {
      TappedSequence backbone = BnInception.backbone();
      backbone.initialize(manager, DataType.FLOAT32, INPUT);
      Map<String, Parameter> names = ParameterNames.of(backbone);
      assertEquals("conv1_7x7_s2.weight", names.keySet().iterator().next());
      assertEquals(new Shape(96, 608, 1, 1), names.get("inception_4d_1x1.weight").getShape());
      assertEquals(new Shape(352, 1056, 1, 1), names.get("inception_5a_1x1.weight").getShape());
      assertTrue(names.containsKey("inception_5b_pool_proj_bn.running_mean"));
      NDList out =
          backbone.forward(
              new ParameterStore(manager, false), new NDList(manager.ones(INPUT)), false);
      assertEquals(new Shape(2, 576, 4, 4), out.get(0).getShape());
      assertEquals(new Shape(2, 1056, 2, 2), out.get(1).getShape());
      assertEquals(new Shape(2, 1024, 2, 2), out.get(2).getShape());
    }
  }
}
