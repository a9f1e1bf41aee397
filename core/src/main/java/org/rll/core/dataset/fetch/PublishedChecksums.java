package org.rll.core.dataset.fetch;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The checksums the benchmark datasets' authors publish for their archives, by file name. A source
 * whose file name is one of these is pinned to it unless the spec pins another checksum.
 */
public final class PublishedChecksums {
  private static final Map<String, Checksum> BY_FILE_NAME =
      Map.of(
          "CUB_200_2011.tgz", Checksum.parse("md5:97eceeb196236b17998738112f37df78"),
          "car_ims.tgz", Checksum.parse("md5:d5c8f0aa497503f355e17dc7886c3f14"),
          "Stanford_Online_Products.zip", Checksum.parse("md5:7f73d41a2f44250d4779881525aea32e"));

  private PublishedChecksums() {}

  /** The published checksum of the archive {@code source} names, if it is a known one. */
  public static Optional<Checksum> forSource(URI source) {
    String path = source.getPath();
    if (path == null) {
      return Optional.empty();
    }
    String name = path.substring(path.lastIndexOf('/') + 1);
    return Optional.ofNullable(BY_FILE_NAME.get(name));
  }
}
