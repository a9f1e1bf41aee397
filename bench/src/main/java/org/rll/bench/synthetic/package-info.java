/** Synthetic embeddings and labels with a known class structure, for the benchmarks. */
package org.rll.bench.synthetic;
