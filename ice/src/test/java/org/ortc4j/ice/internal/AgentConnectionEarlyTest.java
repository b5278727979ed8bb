package org.ortc4j.ice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Datagrams that reach a host socket before this agent selected its pair (the peer selected
 * first and its DTLS client spoke at once) are held and delivered on selection, in order, when
 * they came from the selected remote; others are dropped as from an unknown source.
 */
class AgentConnectionEarlyTest {
  private static final long WAIT_SECONDS = 10;

  private final AgentConnection connection = new AgentConnection();
  private final BlockingQueue<String> delivered = new LinkedBlockingQueue<>();
  private HostSocket host;
  private DatagramSocket peer;
  private DatagramSocket stranger;

  @AfterEach
  void close() {
    connection.close();
    host.close();
    peer.close();
    stranger.close();
  }

  @Test
  void heldDatagramsFromTheSelectedRemoteAreDeliveredInOrder() throws Exception {
    open();
    send(peer, "client hello");
    send(stranger, "noise");
    send(peer, "second flight");
    awaitReceived(3);
    assertThat(delivered).isEmpty();

    connection.selectHost(host, (InetSocketAddress) peer.getLocalSocketAddress());

    assertThat(delivered.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("client hello");
    assertThat(delivered.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("second flight");
    assertThat(connection.stats().droppedUnknownSource()).isEqualTo(1);
    send(peer, "after");
    assertThat(delivered.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("after");
    assertThat(delivered).isEmpty();
  }

  @Test
  void holdingIsBoundedAndEndsWithTheFirstSelection() throws Exception {
    open();
    int extra = 5;
    for (int i = 0; i < AgentConnection.EARLY_LIMIT + extra; i++) {
      send(peer, "early " + i);
    }
    awaitReceived(AgentConnection.EARLY_LIMIT + extra);
    assertThat(connection.stats().droppedNotSelected()).isEqualTo(extra);

    connection.selectHost(host, (InetSocketAddress) peer.getLocalSocketAddress());
    for (int i = 0; i < AgentConnection.EARLY_LIMIT; i++) {
      assertThat(delivered.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("early " + i);
    }
    connection.deselect(); // consent lost: nothing is held any more
    send(peer, "while deselected");
    awaitReceived(AgentConnection.EARLY_LIMIT + extra + 1);
    assertThat(connection.stats().droppedNotSelected()).isEqualTo(extra + 1);
  }

  private void open() throws IOException {
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    host = HostSocket.bind(loopback, 0, 0, 1 << 20, new HostSocket.Dispatcher() {
      @Override
      public void onDatagram(HostSocket socket, byte[] buf, int len, InetSocketAddress from) {
        connection.onHostDatagram(socket, buf, len, from);
      }

      @Override
      public boolean isTurnServer(InetSocketAddress from) {
        return false;
      }

      @Override
      public void onStunOverflow() {}
    });
    connection.setReceiver((buf, off, len) ->
        delivered.add(new String(buf, off, len, StandardCharsets.US_ASCII)));
    host.startReading();
    peer = new DatagramSocket(new InetSocketAddress(loopback, 0));
    stranger = new DatagramSocket(new InetSocketAddress(loopback, 0));
  }

  private void send(DatagramSocket from, String text) throws IOException {
    byte[] data = text.getBytes(StandardCharsets.US_ASCII);
    from.send(new DatagramPacket(data, data.length, host.localAddress()));
  }

  /** Waits (bounded) until the read loop has handed {@code count} datagrams to the connection. */
  private void awaitReceived(long count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (connection.stats().received() < count && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(2); // polling a counter, bounded by the deadline
    }
    assertThat(connection.stats().received()).isEqualTo(count);
  }
}
