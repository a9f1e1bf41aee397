/**
 * The IDX file format of MNIST-style datasets ({@link org.rll.core.idx.IdxReader}) and the
 * Fashion-MNIST files bundled for the offline demo ({@link org.rll.core.idx.FashionMnist}).
 */
package org.rll.core.idx;
