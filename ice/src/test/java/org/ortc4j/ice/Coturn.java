package org.ortc4j.ice;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A real coturn ({@code turnserver}, Debian package {@code coturn}) started on 127.0.0.1 with a
 * free port (UDP and TCP), one long-term credential user, loopback peers allowed, no
 * TLS/DTLS/CLI, and its verbose log in {@code target/}. Fails (never skips) when coturn is not installed.
 */
final class Coturn implements AutoCloseable {
  static final String USER = "ortc4j";
  static final String PASSWORD = "loopback-only-secret";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

  final int port;
  final int minRelayPort;
  final int maxRelayPort;
  final Path log;
  private final Process process;

  Coturn() throws IOException {
    port = freeUdpPort();
    minRelayPort = 40_000 + ThreadLocalRandom.current().nextInt(200) * 100;
    maxRelayPort = minRelayPort + 99;
    Files.createDirectories(Paths.get("target"));
    log = Paths.get("target", "coturn-" + port + ".log").toAbsolutePath();
    process = new ProcessBuilder(command())
        .redirectErrorStream(true)
        .redirectOutput(Paths.get("target", "coturn-" + port + ".out").toFile())
        .start();
    awaitListening();
  }

  private List<String> command() {
    return List.of("turnserver", "-n", "--verbose",
        "--listening-ip", "127.0.0.1", "--relay-ip", "127.0.0.1",
        "--listening-port", Integer.toString(port),
        "--min-port", Integer.toString(minRelayPort), "--max-port", Integer.toString(maxRelayPort),
        "--lt-cred-mech", "--user", USER + ":" + PASSWORD, "--realm", "ortc4j.test",
        "--allow-loopback-peers", "--no-tls", "--no-dtls", "--no-cli",
        "--no-software-attribute", "--no-stdout-log", "--simple-log",
        "--log-file", log.toString(),
        "--pidfile", Paths.get("target", "coturn-" + port + ".pid").toAbsolutePath().toString());
  }

  String url() {
    return "127.0.0.1:" + port;
  }

  /** Polls with STUN Binding requests until coturn answers; bounded by START_TIMEOUT. */
  private void awaitListening() throws IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      probe.setSoTimeout(100);
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IOException("turnserver exited with " + process.exitValue() + "; see " + log);
        }
        if (answers(probe)) {
          return;
        }
      }
    }
    close();
    throw new IOException("turnserver did not answer within " + START_TIMEOUT + "; see " + log);
  }

  private boolean answers(DatagramSocket probe) throws IOException {
    ByteBuffer request = ByteBuffer.allocate(20).putShort((short) 1).putShort((short) 0)
        .putInt(0x2112A442).putLong(ThreadLocalRandom.current().nextLong()).putInt(7);
    probe.send(new java.net.DatagramPacket(request.array(), 20,
        InetAddress.getByName("127.0.0.1"), port));
    try {
      probe.receive(new java.net.DatagramPacket(new byte[1500], 1500));
      return true;
    } catch (SocketTimeoutException notYet) {
      return false;
    }
  }

  /** A port free for UDP and for TCP: coturn listens on both (TURN over TCP). */
  static int freeUdpPort() throws IOException {
    for (int attempt = 0; attempt < 20; attempt++) {
      try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
        int port = s.getLocalPort();
        try (java.net.ServerSocket tcp =
            new java.net.ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
          return port;
        } catch (IOException tcpTaken) {
          // try another
        }
      }
    }
    throw new IOException("no port free for both UDP and TCP on 127.0.0.1");
  }

  /**
   * The client ports of the TCP connections coturn accepted so far, from its verbose log
   * ({@code tcp or tls connected to: 127.0.0.1:PORT}, logged at accept, before any request).
   */
  java.util.Set<Integer> tcpClientPorts() throws IOException {
    String marker = "tcp or tls connected to: 127.0.0.1:";
    try (var lines = Files.lines(log)) {
      return lines.filter(l -> l.contains(marker))
          .map(l -> Integer.valueOf(l.substring(l.indexOf(marker) + marker.length()).trim()))
          .collect(java.util.stream.Collectors.toSet());
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
