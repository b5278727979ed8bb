package org.ortc4j.ice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.ice4j.socket.IceUdpSocketWrapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Connectivity checks that reach a host socket before our checks start wait for the role: ice4j
 * would answer them from its default role, and a peer that checks as soon as it has our signal
 * (werift) then "repaired" a role conflict that swapped the roles both sides were given. Other
 * STUN (answers to our server requests) goes to ice4j at once.
 */
class HostSocketEarlyChecksTest {
  private static final long WAIT_SECONDS = 10;
  private static final int BINDING_REQUEST = 0x0001;
  private static final int BINDING_SUCCESS = 0x0101;

  private HostSocket socket;
  private DatagramSocket peer;

  @AfterEach
  void close() {
    if (socket != null) {
      socket.close();
    }
    if (peer != null) {
      peer.close();
    }
  }

  @Test
  void earlyChecksReachIce4jOnlyAfterStartInOrderAndLaterOnesAtOnce() throws Exception {
    open();
    send(BINDING_REQUEST, 1);
    send(BINDING_REQUEST, 2);
    send(BINDING_SUCCESS, 3);
    assertThat(nextToIce4j()).as("a response is not held").isEqualTo(3);

    socket.startChecks();
    assertThat(nextToIce4j()).isEqualTo(1);
    assertThat(nextToIce4j()).isEqualTo(2);
    send(BINDING_REQUEST, 4);
    assertThat(nextToIce4j()).as("after the start, checks go at once").isEqualTo(4);
  }

  @Test
  void atMostTheLimitOfEarlyChecksIsHeld() throws Exception {
    open();
    int sent = HostSocket.HELD_CHECKS_LIMIT + 5;
    for (int i = 1; i <= sent; i++) {
      send(BINDING_REQUEST, i);
    }
    send(BINDING_SUCCESS, 1000); // all requests were read before this marker arrives
    assertThat(nextToIce4j()).isEqualTo(1000);

    socket.startChecks();
    send(BINDING_SUCCESS, 2000);
    for (int i = 1; i <= HostSocket.HELD_CHECKS_LIMIT; i++) {
      assertThat(nextToIce4j()).isEqualTo(i);
    }
    assertThat(nextToIce4j()).as("the rest were dropped (the peer resends)").isEqualTo(2000);
  }

  private void open() throws IOException {
    socket = HostSocket.bind(InetAddress.getLoopbackAddress(), 0, 0, 1 << 16, new NoMedia());
    socket.startReading();
    peer = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
  }

  /** A 20-byte STUN header whose transaction ID carries {@code id}. */
  private void send(int type, int id) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(StunPackets.HEADER_LENGTH);
    b.putShort((short) type).putShort((short) 0).putInt(StunPackets.MAGIC_COOKIE);
    b.putInt(0).putInt(0).putInt(id);
    peer.send(new DatagramPacket(b.array(), b.capacity(), socket.localAddress()));
  }

  /** The id of the next STUN message ice4j's stack reads from the socket. */
  private int nextToIce4j() throws Exception {
    IceUdpSocketWrapper stack = socket.stunStackWrapper();
    return CompletableFuture.supplyAsync(() -> {
      DatagramPacket p = new DatagramPacket(new byte[1500], 1500);
      try {
        stack.receive(p);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      return ByteBuffer.wrap(p.getData(), 16, 4).getInt();
    }).get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  /** This test sends only STUN. */
  private static final class NoMedia implements HostSocket.Dispatcher {
    @Override
    public void onDatagram(HostSocket s, byte[] buf, int len, InetSocketAddress from) {
      throw new AssertionError("no media in this test");
    }

    @Override
    public boolean isTurnServer(InetSocketAddress from) {
      return false;
    }

    @Override
    public void onStunOverflow() {
      throw new AssertionError("ice4j's queue overflowed");
    }
  }
}
