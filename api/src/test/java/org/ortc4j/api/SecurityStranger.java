package org.ortc4j.api;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import org.ortc4j.ice.IceCandidate;

/**
 * A third party on 127.0.0.1 with a socket of its own: sends whatever the test gives it to a
 * peer's candidates, records every datagram it gets back (on its own reader thread, which ends
 * when {@link #close()} closes the socket), and answers every connectivity check it receives
 * with a success response, as it would to complete a hijacked pair: it cannot sign the answer
 * (it lacks the password), so it sends it without MESSAGE-INTEGRITY.
 */
final class SecurityStranger implements AutoCloseable {
  private final DatagramChannel channel;
  private final List<byte[]> received = new ArrayList<>();
  private final Thread reader;

  SecurityStranger() throws IOException {
    channel = DatagramChannel.open();
    channel.bind(new InetSocketAddress("127.0.0.1", 0));
    reader = new Thread(this::read, "security-stranger");
    reader.setDaemon(true);
    reader.start();
  }

  /** The port it sends from. */
  int port() {
    try {
      return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  void send(byte[] datagram, IceCandidate to) throws IOException {
    channel.send(ByteBuffer.wrap(datagram), new InetSocketAddress(to.address(), to.port()));
  }

  /** Every datagram received so far (copies), in arrival order. */
  synchronized List<byte[]> received() {
    return List.copyOf(received);
  }

  /** Waits until {@code count} datagrams of STUN type {@code stunType} came; whether they did. */
  synchronized boolean awaitReceived(int stunType, int count, long timeoutMillis)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    while (received.stream().filter(d -> SecurityStun.type(d) == stunType).count() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  private void read() {
    ByteBuffer in = ByteBuffer.allocate(2048);
    try {
      while (true) {
        in.clear();
        InetSocketAddress from = (InetSocketAddress) channel.receive(in);
        in.flip();
        byte[] copy = new byte[in.remaining()];
        in.get(copy);
        if (SecurityStun.type(copy) == SecurityStun.BINDING_REQUEST) {
          channel.send(ByteBuffer.wrap(SecurityStun.unsignedSuccess(copy, from)), from);
        }
        synchronized (this) {
          received.add(copy);
          notifyAll();
        }
      }
    } catch (IOException closed) {
      // close() ends the reader here
    }
  }

  @Override
  public void close() throws Exception {
    channel.close();
    reader.join(5_000);
  }
}
