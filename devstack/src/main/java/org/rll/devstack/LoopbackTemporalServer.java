package org.rll.devstack;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * Temporal's Java test server listening on 127.0.0.1 only. {@code TestServer.createPortBoundServer}
 * takes a port and no address, so it listens on every interface without authentication; this server
 * registers the same services (workflow, operator and test service, with health checks) on a gRPC
 * server bound to the loopback address, and, like {@code createPortBoundServer(port)}, starts with
 * time skipping locked.
 */
public final class LoopbackTemporalServer implements AutoCloseable {
  private static final long SHUTDOWN_SECONDS = 5;

  private final TestServicesStarter services;
  private final Server server;

  private LoopbackTemporalServer(TestServicesStarter services, Server server) {
    this.services = services;
    this.server = server;
  }

  /**
   * Starts the services and serves them on {@code 127.0.0.1:<port>}.
   *
   * @throws UncheckedIOException when the port cannot be bound
   */
  public static LoopbackTemporalServer start(int port) {
    TestServicesStarter services = new TestServicesStarter(true, 0);
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
    try {
      return new LoopbackTemporalServer(services, builder.build().start());
    } catch (IOException e) {
      services.close();
      throw new UncheckedIOException(
          "cannot start the Temporal test server on 127.0.0.1:" + port, e);
    }
  }

  /** The port it listens on. */
  public int port() {
    return server.getPort();
  }

  /** Stops accepting calls, lets running ones finish for up to 5 s, then stops the services. */
  @Override
  public void close() {
    server.shutdown();
    try {
      server.awaitTermination(SHUTDOWN_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      services.close();
      server.shutdownNow();
    }
  }
}
