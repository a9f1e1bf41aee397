package org.rll.workflows.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * Where the dataset comes from and how it is split. Only {@code source} is required; a null field
 * takes the default that the planning activity resolves.
 *
 * @param source an {@code https://}, {@code http://}, {@code s3://} or {@code file://} URI, or a
 *     path, of an archive or a directory
 * @param checksum {@code sha256:<hex>} or {@code md5:<hex>}; null pins the official archives to
 *     their published digests and leaves others unpinned
 * @param format {@code cub200}, {@code cars196}, {@code sop}, {@code fashion-mnist}, {@code mnist},
 *     {@code image-folder} or {@code csv}; null infers it from the source's file name
 * @param trainClasses the names of the training classes (as the dataset's label files or folders
 *     name them; JSON numbers are read as names too); null for the dataset's protocol split
 * @param minImagesPerClass classes with fewer images are excluded; null for 2
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DatasetSection(
    String source,
    String checksum,
    String format,
    List<String> trainClasses,
    Integer minImagesPerClass) {}
