package org.ortc4j.ice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A thread interrupted while it sends must not close the host socket: ice4j cancels an answered
 * STUN transaction with {@code Future.cancel(true)}, which interrupts its retransmission while it
 * may be sending on our socket (with a {@code DatagramChannel} that closed the selected path for
 * good right after consent came back).
 */
class HostSocketInterruptTest {
  private static final long WAIT_SECONDS = 10;

  /** The two ways a datagram leaves a host socket. */
  enum SendPath {
    /** Ours: {@code IceConnection.send} over a host path. */
    CONNECTION,
    /** ice4j's: its STUN stack's view of the socket (checks, consent, retransmissions). */
    ICE4J_STACK
  }

  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
  private HostSocket sender;
  private HostSocket receiver;

  @AfterEach
  void closeSockets() {
    Thread.interrupted();
    if (sender != null) {
      sender.close();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(SendPath.class)
  void interruptedSenderLeavesTheSocketOpen(SendPath path) throws Exception {
    sender = bind();
    receiver = bind();
    receiver.startReading();
    sender.startReading();

    Thread.currentThread().interrupt();
    send(path, "while interrupted");
    assertThat(Thread.interrupted()).as("the caller's interrupt status is kept").isTrue();
    send(path, "after");

    assertThat(received.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("while interrupted");
    assertThat(received.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("after");
  }

  private void send(SendPath path, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    InetSocketAddress to = receiver.localAddress();
    if (path == SendPath.CONNECTION) {
      sender.send(bytes, 0, bytes.length, to);
    } else {
      sender.stunStackWrapper().send(new DatagramPacket(bytes, bytes.length, to));
    }
  }

  private HostSocket bind() throws IOException {
    return HostSocket.bind(InetAddress.getLoopbackAddress(), 0, 0, 1 << 16, new Recorder());
  }

  /** Keeps the text of every non-STUN datagram. */
  private final class Recorder implements HostSocket.Dispatcher {
    @Override
    public void onDatagram(HostSocket socket, byte[] buf, int len, InetSocketAddress from) {
      received.add(new String(buf, 0, len, StandardCharsets.UTF_8));
    }

    @Override
    public boolean isTurnServer(InetSocketAddress from) {
      return false;
    }

    @Override
    public void onStunOverflow() {
      // no STUN in this test
    }
  }
}
