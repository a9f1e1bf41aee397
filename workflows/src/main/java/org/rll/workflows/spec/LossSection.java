package org.rll.workflows.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The Ranked List Loss (paper Eq. 8-14); a null field takes the paper's value.
 *
 * @param alpha the negative boundary (1.2)
 * @param margin m, the gap between positives and negatives (0.4)
 * @param temperature T of the negative weights (10)
 * @param positiveTemperature T_p of the positive weights (0: uniform)
 * @param balance lambda between L_P and L_N (0.5)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LossSection(
    Double alpha, Double margin, Double temperature, Double positiveTemperature, Double balance) {}
