package org.rll.core.dataset.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rll.core.exceptions.BlobNotFoundException;
import org.rll.core.exceptions.CorruptDataException;
import org.rll.core.exceptions.RllException;
import org.rll.core.exceptions.TransientStorageException;
import org.rll.core.exceptions.ValidationException;

/**
 * Reads {@code http:} and {@code https:} URIs with one GET each, asking for {@code Range:
 * bytes=<offset>-} when resuming. A 206 answer keeps the offset; a 200 answer (a server that
 * ignores ranges) restarts at 0. 404 and 410 raise {@link BlobNotFoundException}, 429 and 5xx
 * {@link TransientStorageException}, any other status {@link ValidationException}. A body that
 * stalls for longer than the idle timeout fails its read with an {@link IOException}. Redirects are
 * followed, except from https to http.
 */
public final class HttpSource implements Source {
  private static final int RANGE_NOT_SATISFIABLE = 416;

  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-\\d+/(\\d+|\\*)");

  private final HttpClient client;
  private final HttpSourceConfig config;

  public HttpSource(HttpSourceConfig config) {
    ValidationException.check(config != null, "HTTP source config must not be null");
    this.config = config;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(config.connectTimeout())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  @Override
  public SourceStream open(URI uri, long offset) throws IOException {
    ValidationException.check(
        offset >= 0, "offset must be >= 0, got %d for %s", offset, SourceUris.display(uri));
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(config.requestTimeout());
    if (offset > 0) {
      request.header("Range", "bytes=" + offset + "-");
    }
    HttpResponse<InputStream> response = send(uri, request.GET().build());
    int status = response.statusCode();
    if (status == 200) {
      OptionalLong length = response.headers().firstValueAsLong("Content-Length");
      return new SourceStream(response.body(), 0, length);
    }
    if (status == 206) {
      return partial(uri, offset, response);
    }
    response.body().close();
    if (status == RANGE_NOT_SATISFIABLE && offset > 0) {
      // A spool kept from an earlier attempt may already hold the whole file: read it anew.
      return open(uri, 0);
    }
    throw failure(uri, status);
  }

  private HttpResponse<InputStream> send(URI uri, HttpRequest request) throws IOException {
    try {
      return client.send(request, info -> new IdleTimeoutBody(config.idleTimeout()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException(
          "interrupted while requesting '" + SourceUris.display(uri) + "'");
    } catch (IOException e) {
      throw new TransientStorageException("cannot get '" + SourceUris.display(uri) + "': " + e, e);
    }
  }

  /** The body of a 206 answer, which must start exactly at {@code offset}. */
  private static SourceStream partial(URI uri, long offset, HttpResponse<InputStream> response)
      throws IOException {
    String range = response.headers().firstValue("Content-Range").orElse("");
    Matcher m = CONTENT_RANGE.matcher(range);
    if (!m.matches() || Long.parseLong(m.group(1)) != offset) {
      response.body().close();
      throw new CorruptDataException(
          "'"
              + SourceUris.display(uri)
              + "' answered range '"
              + range
              + "' to a request from byte "
              + offset);
    }
    OptionalLong total =
        m.group(2).equals("*") ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(m.group(2)));
    return new SourceStream(response.body(), offset, total);
  }

  private static RllException failure(URI uri, int status) {
    String message = "'" + SourceUris.display(uri) + "' answered HTTP " + status;
    if (status == 404 || status == 410) {
      return new BlobNotFoundException(SourceUris.display(uri), message);
    }
    if (status == 429 || status >= 500) {
      return new TransientStorageException(message, null);
    }
    return new ValidationException(message);
  }
}
