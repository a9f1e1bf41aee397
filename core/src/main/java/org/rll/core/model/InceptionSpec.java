package org.rll.core.model;

/**
 * The widths of one BN-Inception module. A module with {@code stride} 2 has no 1x1 branch, strides
 * its 3x3 and second double-3x3 convolutions, and passes its max-pooled input through unprojected.
 *
 * @param name the module's name prefix, such as {@code inception_3a}
 * @param oneByOne 1x1 branch width (0 for none)
 * @param reduce 3x3 branch reduction width
 * @param threeByThree 3x3 branch width
 * @param doubleReduce double-3x3 branch reduction width
 * @param doubleThreeByThree double-3x3 branch width
 * @param maxPool whether the pool branch max-pools (else it averages)
 * @param poolProjection pool branch projection width (0 for none)
 * @param stride 1, or 2 for the modules that halve the resolution
 */
record InceptionSpec(
    String name,
    int oneByOne,
    int reduce,
    int threeByThree,
    int doubleReduce,
    int doubleThreeByThree,
    boolean maxPool,
    int poolProjection,
    int stride) {

  static InceptionSpec module(
      String name,
      int oneByOne,
      int reduce,
      int three,
      int doubleReduce,
      int doubleThree,
      int proj) {
    return new InceptionSpec(
        name, oneByOne, reduce, three, doubleReduce, doubleThree, false, proj, 1);
  }

  static InceptionSpec reduction(
      String name, int reduce, int three, int doubleReduce, int doubleThree) {
    return new InceptionSpec(name, 0, reduce, three, doubleReduce, doubleThree, true, 0, 2);
  }

  InceptionSpec withMaxPool() {
    return new InceptionSpec(
        name,
        oneByOne,
        reduce,
        threeByThree,
        doubleReduce,
        doubleThreeByThree,
        true,
        poolProjection,
        stride);
  }
}
