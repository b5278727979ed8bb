package org.ortc4j.dtls;

import java.io.IOException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Two connected in-memory {@link PacketTransport} ends: what one sends, the other receives,
 * unbounded and in order. {@link End#inject} puts a datagram into an end's inbox as if it came
 * off the wire, for garbage tests.
 */
final class MemoryPacketPipe {
  private static final byte[] CLOSED = new byte[0];

  final End left = new End();
  final End right = new End();

  MemoryPacketPipe() {
    left.peer = right;
    right.peer = left;
  }

  /** One end of the pipe. */
  static final class End implements PacketTransport {
    private final LinkedBlockingQueue<byte[]> inbox = new LinkedBlockingQueue<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private End peer;

    @Override
    public void send(byte[] buf, int off, int len) throws IOException {
      if (closed.get()) {
        throw new IOException("closed");
      }
      if (!peer.closed.get()) {
        peer.inbox.add(java.util.Arrays.copyOfRange(buf, off, off + len));
      }
    }

    @Override
    public int receive(byte[] buf, int off, int len, int timeoutMillis) throws IOException {
      if (closed.get()) {
        throw new IOException("closed");
      }
      byte[] datagram;
      try {
        datagram = inbox.poll(timeoutMillis, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException();
      }
      if (datagram == null) {
        return -1;
      }
      if (datagram == CLOSED) {
        throw new IOException("closed");
      }
      int n = Math.min(len, datagram.length);
      System.arraycopy(datagram, 0, buf, off, n);
      return n;
    }

    /** Delivers {@code datagram} to this end as if the peer had sent it. */
    void inject(byte[] datagram) {
      inbox.add(datagram.clone());
    }

    boolean isClosed() {
      return closed.get();
    }

    @Override
    public int maxDatagramSize() {
      return UdpPacketTransport.MAX_UDP_PAYLOAD;
    }

    @Override
    public void close() {
      if (closed.compareAndSet(false, true)) {
        inbox.add(CLOSED);
      }
    }
  }
}
