package org.rll.core.dataset.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body read as an {@link InputStream} whose reads fail with {@link
 * SocketTimeoutException} once no bytes have arrived for {@code idleTimeout}. The JDK client has no
 * such limit on a body, so without it a server that stalls mid-download would block the fetch
 * forever; with it the stall is a transient break that the fetch resumes from.
 */
final class IdleTimeoutBody implements HttpResponse.BodySubscriber<InputStream> {
  private static final Object END = new Object();

  /** Chunks ({@code List<ByteBuffer>}), then {@link #END} or the failure ({@code Throwable}). */
  private final BlockingQueue<Object> arrivals = new LinkedBlockingQueue<>();

  private final Duration idleTimeout;
  private volatile Flow.Subscription subscription;

  IdleTimeoutBody(Duration idleTimeout) {
    this.idleTimeout = idleTimeout;
  }

  @Override
  public CompletionStage<InputStream> getBody() {
    return CompletableFuture.completedStage(new Body());
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> chunk) {
    arrivals.add(chunk);
  }

  @Override
  public void onError(Throwable failure) {
    arrivals.add(failure);
  }

  @Override
  public void onComplete() {
    arrivals.add(END);
  }

  private void cancel() {
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
  }

  /** The stream handed to the reader; one reader at a time. */
  private final class Body extends InputStream {
    private ByteBuffer current = ByteBuffer.allocate(0);
    private Iterator<ByteBuffer> rest = Collections.emptyIterator();
    private boolean ended;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      while (!current.hasRemaining()) {
        if (rest.hasNext()) {
          current = rest.next();
        } else if (ended) {
          return -1;
        } else {
          awaitChunk();
        }
      }
      int n = Math.min(length, current.remaining());
      current.get(buffer, offset, n);
      return n;
    }

    @SuppressWarnings("unchecked")
    private void awaitChunk() throws IOException {
      Object next;
      try {
        next = arrivals.poll(idleTimeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while reading a response body");
      }
      if (next == null) {
        close();
        throw new SocketTimeoutException("no bytes of the response body for " + idleTimeout);
      } else if (next == END) {
        ended = true;
      } else if (next instanceof Throwable failure) {
        ended = true;
        throw new IOException("response body broke off: " + failure, failure);
      } else {
        rest = ((List<ByteBuffer>) next).iterator();
        subscription.request(1);
      }
    }

    @Override
    public void close() {
      ended = true;
      cancel();
    }
  }
}
