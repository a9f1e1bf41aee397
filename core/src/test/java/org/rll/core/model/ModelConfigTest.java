package org.rll.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rll.core.exceptions.ValidationException;

class ModelConfigTest {

  @Test
  void backboneNamesParseAndUnknownOnesAreListed() {
    assertEquals(Backbone.BN_INCEPTION, Backbone.parse("bn-inception"));
    assertEquals(Backbone.RESNET50, Backbone.parse("RESNET50"));
    ValidationException e = assertThrows(ValidationException.class, () -> Backbone.parse("vgg"));
    assertEquals(
        "unknown backbone 'vgg'; known: [bn-inception, resnet50, small-conv]", e.getMessage());
  }

  @Test
  void headsMustBeLevelsOfTheBackbone() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> new ModelConfig(Backbone.RESNET50, List.of("H", "X"), 512));
    assertEquals("head 'X' is not a level of resnet50; its levels are [L, M, H]", e.getMessage());
    assertThrows(
        ValidationException.class, () -> new ModelConfig(Backbone.RESNET50, List.of("H"), 0));
  }

  @Test
  void theDemoNetEmbeds28x28ImagesIn128Dimensions() {
    try (NDManager manager = NDManager.newBaseManager()) {
      EmbeddingModel model = ModelConfig.demo().build(manager, 4);
      NDList out =
          model.forward(
              new ParameterStore(manager, false),
              new NDList(manager.zeros(new Shape(4, 1, 28, 28))),
              false);
      assertEquals(new Shape(4, 128), out.singletonOrThrow().getShape());
      assertEquals("model(small-conv, heads=[H], dim=128)", ModelConfig.demo().toString());
    }
  }
}
