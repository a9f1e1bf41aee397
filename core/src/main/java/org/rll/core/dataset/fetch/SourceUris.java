package org.rll.core.dataset.fetch;

import java.net.URI;

/**
 * How a source URI appears in messages and in the stored source index: without user info or query
 * string, which may carry credentials or a pre-signed URL's signature.
 */
public final class SourceUris {
  private SourceUris() {}

  /** {@code uri} with any user info and query replaced by {@code ***}. */
  public static String display(URI uri) {
    if (uri.getRawUserInfo() == null && uri.getRawQuery() == null) {
      return uri.toString();
    }
    StringBuilder text = new StringBuilder();
    if (uri.getScheme() != null) {
      text.append(uri.getScheme()).append(':');
    }
    if (uri.getRawAuthority() != null) {
      text.append("//");
      if (uri.getRawUserInfo() != null) {
        text.append("***@");
      }
      text.append(uri.getHost() == null ? "" : uri.getHost());
      if (uri.getPort() >= 0) {
        text.append(':').append(uri.getPort());
      }
    }
    text.append(uri.getRawPath() == null ? "" : uri.getRawPath());
    if (uri.getRawQuery() != null) {
      text.append("?***");
    }
    return text.toString();
  }
}
