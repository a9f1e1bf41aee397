package org.rll.workflows.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The network; a null field takes the paper's value.
 *
 * @param backbone {@code bn-inception} (the paper's), {@code resnet50} or {@code small-conv}
 * @param heads the levels with an embedding head ({@code [L, M, H]})
 * @param embeddingDim units of each head (512)
 * @param pretrained a safetensors or npz file of backbone weights, by URI or store key; null for
 *     random initialisation
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelSection(
    String backbone, List<String> heads, Integer embeddingDim, String pretrained) {}
