/**
 * Class-balanced batches of C classes times K images, each a function of (seed, iteration), and the
 * batch manifest that stores them so that every worker trains on the same batches.
 */
package org.rll.core.sampling;
