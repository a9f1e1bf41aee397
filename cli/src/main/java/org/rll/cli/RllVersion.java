package org.rll.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the rll version from the jar manifest, or "dev" when run from classes. */
public final class RllVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = RllVersion.class.getPackage().getImplementationVersion();
    return new String[] {"rll " + (version == null ? "dev" : version)};
  }
}
