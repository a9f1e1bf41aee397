/**
 * {@code rll bench}: benchmarks of the kernels and stages, each printing its time beside a baseline
 * measured in the same run and their ratio.
 */
package org.rll.bench;
