package org.rll.core.dataset.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.rll.core.exceptions.ValidationException;

/**
 * Dataset source URIs: what a spec or a command line may give ({@link #parse}, {@link #check}), and
 * how a URI appears in messages and in the stored source index ({@link #display}): without user
 * info or query string, which may carry credentials or a pre-signed URL's signature.
 */
public final class SourceUris {
  /** The schemes rll reads dataset sources from. */
  private static final List<String> SCHEMES = List.of("https", "http", "s3", "file");

  private static final int MAX_PORT = 65_535;

  private SourceUris() {}

  /**
   * The source {@code text} names: an https, http, s3 or file URI, or a local path, made absolute.
   * Anything else raises a {@link ValidationException} naming the problem.
   */
  public static URI parse(String text) {
    ValidationException.check(
        text != null && !text.isBlank(),
        "dataset source is required: an https://, http://, s3:// or file:// URI or a path");
    if (!text.contains("://")) {
      try {
        return Path.of(text).toAbsolutePath().normalize().toUri();
      } catch (InvalidPathException e) {
        throw new ValidationException(
            "dataset source '" + text + "' is not a valid path: " + e.getReason());
      }
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new ValidationException(
          String.format(
              Locale.ROOT,
              "dataset source '%s' is not a valid URI: %s at index %d",
              text,
              e.getReason(),
              e.getIndex()));
    }
    ValidationException.check(
        uri.getScheme() != null, "dataset source '%s' has no scheme", display(uri));
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    ValidationException.check(
        SCHEMES.contains(scheme),
        "dataset source '%s' has the unsupported scheme '%s'; use https, http, s3 or file",
        display(uri),
        scheme);
    return check(uri);
  }

  /**
   * Returns {@code uri} if it carries no credentials and names the host (or bucket) its scheme
   * needs; otherwise raises a {@link ValidationException} naming the problem.
   */
  public static URI check(URI uri) {
    ValidationException.check(
        !hasCredentials(uri),
        "dataset source '%s' must not carry credentials (user@ or user:password@); give the"
            + " source's credentials to the worker instead",
        display(uri));
    String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
    if (scheme.equals("http") || scheme.equals("https")) {
      String authority = uri.getRawAuthority();
      ValidationException.check(
          uri.getHost() != null,
          authority == null || authority.isEmpty() || authority.startsWith(":")
              ? "dataset source '%s' has no host name"
              : "dataset source '%s' has no valid host name",
          display(uri));
      int port = uri.getPort();
      ValidationException.check(
          port == -1 || (port >= 1 && port <= MAX_PORT),
          "dataset source '%s' has the port %d, outside 1 to %d",
          display(uri),
          port,
          MAX_PORT);
    }
    if (scheme.equals("s3")) {
      ValidationException.check(
          uri.getRawAuthority() != null, "dataset source '%s' names no bucket", display(uri));
    }
    return uri;
  }

  /**
   * {@code uri} with any user info and query replaced by {@code ***}, also in an authority Java
   * cannot parse into user, host and port.
   */
  public static String display(URI uri) {
    String authority = uri.getRawAuthority();
    boolean credentials = hasCredentials(uri);
    if (!credentials && uri.getRawQuery() == null) {
      return uri.toString();
    }
    StringBuilder text = new StringBuilder();
    if (uri.getScheme() != null) {
      text.append(uri.getScheme()).append(':');
    }
    if (authority != null) {
      text.append("//")
          .append(
              credentials ? "***" + authority.substring(authority.lastIndexOf('@')) : authority);
    }
    text.append(uri.getRawPath() == null ? "" : uri.getRawPath());
    if (uri.getRawQuery() != null) {
      text.append("?***");
    }
    return text.toString();
  }

  private static boolean hasCredentials(URI uri) {
    return uri.getRawAuthority() != null && uri.getRawAuthority().contains("@");
  }
}
