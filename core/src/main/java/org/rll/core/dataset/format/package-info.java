/**
 * Dataset layouts and their label files: CUB-200-2011, CARS196, Stanford Online Products,
 * MNIST-style IDX files, image folders and CSV files, each read into a {@link
 * org.rll.core.dataset.format.DatasetListing} of images with classes and train/test splits.
 */
package org.rll.core.dataset.format;
