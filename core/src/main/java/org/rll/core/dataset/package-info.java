/**
 * Dataset preparation as one call ({@link org.rll.core.dataset.DatasetPreparation}): fetch the
 * source, verify its checksum, extract it safely, read its labels, validate every image and write
 * the dataset manifest. The steps live in the subpackages.
 */
package org.rll.core.dataset;
