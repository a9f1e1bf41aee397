/**
 * {@code rll demo}: the whole pipeline on the Fashion-MNIST files that ship with rll, over the
 * embedded stack, ending with the results table.
 */
package org.rll.workstation.demo;
