package org.rll.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LoopbackTemporalServerTest {
  /** 127.0.0.1 as /proc/net/tcp writes it, and as an IPv4-mapped address in /proc/net/tcp6. */
  private static final List<String> LOOPBACK_V4 =
      List.of("0100007F", "0000000000000000FFFF00000100007F");

  private static final String LISTEN = "0A";

  @Test
  void listensOnLoopbackOnly() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    try (LoopbackTemporalServer server = LoopbackTemporalServer.start(port)) {
      assertEquals(port, server.port());
      List<String> listening = listeningAddresses(port);
      assertFalse(listening.isEmpty(), "no LISTEN entry for port " + port);
      listening.forEach(
          address -> assertTrue(LOOPBACK_V4.contains(address), "listening on " + listening));

      connect(InetAddress.getByName("127.0.0.1"), port);
      Optional<InetAddress> outside = nonLoopbackAddress();
      assumeTrue(outside.isPresent(), "this host has no non-loopback address");
      assertThrows(ConnectException.class, () -> connect(outside.get(), port));
    }
  }

  @Test
  void servesTheWorkflowOperatorAndTestServices() {
    try (LoopbackTemporalServer server = LoopbackTemporalServer.start(0)) {
      ManagedChannel channel =
          NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
      try {
        HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(channel);
        for (String service :
            List.of(
                "temporal.api.workflowservice.v1.WorkflowService",
                "temporal.api.operatorservice.v1.OperatorService",
                "temporal.api.testservice.v1.TestService")) {
          assertEquals(
              ServingStatus.SERVING,
              health.check(HealthCheckRequest.newBuilder().setService(service).build()).getStatus(),
              service);
        }
      } finally {
        channel.shutdownNow();
      }
    }
  }

  /** The local addresses (hex, as the kernel writes them) of the sockets listening on port. */
  private static List<String> listeningAddresses(int port) throws IOException {
    Path tcp = Path.of("/proc/net/tcp");
    assumeTrue(Files.isReadable(tcp), "no /proc/net/tcp: not Linux");
    String hexPort = String.format(Locale.ROOT, ":%04X", port);
    List<String> addresses = new ArrayList<>();
    for (Path table : List.of(tcp, Path.of("/proc/net/tcp6"))) {
      if (!Files.isReadable(table)) {
        continue;
      }
      for (String line : Files.readAllLines(table)) {
        String[] fields = line.trim().split("\\s+");
        if (fields[1].endsWith(hexPort) && fields[3].equals(LISTEN)) {
          addresses.add(fields[1].substring(0, fields[1].length() - hexPort.length()));
        }
      }
    }
    return addresses;
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
    return NetworkInterface.networkInterfaces()
        .filter(LoopbackTemporalServerTest::isUp)
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
        .findFirst();
  }

  private static boolean isUp(NetworkInterface network) {
    try {
      return network.isUp();
    } catch (SocketException e) {
      return false;
    }
  }

  private static void connect(InetAddress address, int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), (int) TimeUnit.SECONDS.toMillis(5));
    }
  }
}
