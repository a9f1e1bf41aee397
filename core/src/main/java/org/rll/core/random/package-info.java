/**
 * {@link org.rll.core.random.SplitMix64}: the seeded generator behind every random choice rll
 * makes, so that the same seed gives the same run on any machine.
 */
package org.rll.core.random;
