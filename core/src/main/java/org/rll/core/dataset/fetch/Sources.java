package org.rll.core.dataset.fetch;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.rll.core.exceptions.ValidationException;

/** An immutable registry of the {@link Source} that reads each URI scheme. */
public final class Sources {
  private final Map<String, Source> byScheme;

  private Sources(Map<String, Source> byScheme) {
    this.byScheme = Map.copyOf(byScheme);
  }

  /** No schemes at all. */
  public static Sources empty() {
    return new Sources(Map.of());
  }

  /** {@code file}, {@code http} and {@code https}; the two HTTP schemes share one client. */
  public static Sources defaults(HttpSourceConfig http) {
    HttpSource source = new HttpSource(http);
    return empty().with("file", new FileSource()).with("http", source).with("https", source);
  }

  /** A registry with {@code source} reading {@code scheme}, in place of any earlier one. */
  public Sources with(String scheme, Source source) {
    ValidationException.check(
        scheme != null && scheme.matches("[A-Za-z][A-Za-z0-9+.-]*"),
        "URI scheme must be letters, digits, '+', '-' or '.', got '%s'",
        scheme);
    ValidationException.check(source != null, "source for scheme '%s' must not be null", scheme);
    Map<String, Source> copy = new TreeMap<>(byScheme);
    copy.put(scheme.toLowerCase(Locale.ROOT), source);
    return new Sources(copy);
  }

  /**
   * The source that reads {@code uri}; a {@link ValidationException} naming it if none does, or if
   * {@code uri} fails {@link SourceUris#check}.
   */
  public Source forUri(URI uri) {
    ValidationException.check(uri != null, "source URI must not be null");
    String scheme = uri.getScheme();
    Source source = scheme == null ? null : byScheme.get(scheme.toLowerCase(Locale.ROOT));
    ValidationException.check(
        source != null,
        "no source reads '%s': its scheme must be one of %s",
        SourceUris.display(uri),
        new TreeMap<>(byScheme).keySet());
    SourceUris.check(uri);
    return source;
  }
}
