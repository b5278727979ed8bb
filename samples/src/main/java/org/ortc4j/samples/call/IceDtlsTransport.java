package org.ortc4j.samples.call;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.ortc4j.dtls.PacketTransport;
import org.ortc4j.ice.IceConnection;
import org.ortc4j.ice.IceSendStatus;

/**
 * The DTLS side of an ICE connection: sends straight through the connection, and receives the
 * DTLS datagrams the demultiplexer hands it through a bounded queue. A full queue drops (and
 * counts) rather than blocking the ICE read loop; DTLS retransmits what it needs.
 */
final class IceDtlsTransport implements PacketTransport {
  private static final byte[] CLOSED = new byte[0];
  private static final int QUEUE_SLOTS = 64;

  private final IceConnection connection;
  private final BlockingQueue<byte[]> inbound = new ArrayBlockingQueue<>(QUEUE_SLOTS);
  private final AtomicLong dropped = new AtomicLong();
  private volatile boolean closed;

  IceDtlsTransport(IceConnection connection) {
    this.connection = connection;
  }

  /** Called by the demultiplexer (ICE read loop) with a datagram whose first byte is 20..63. */
  void offer(byte[] buf, int off, int len) {
    byte[] copy = new byte[len];
    System.arraycopy(buf, off, copy, 0, len);
    if (closed || !inbound.offer(copy)) {
      dropped.incrementAndGet();
    }
  }

  long dropped() {
    return dropped.get();
  }

  @Override
  public void send(byte[] buf, int off, int len) throws IOException {
    if (closed) {
      throw new IOException("transport closed");
    }
    IceSendStatus status = connection.send(buf, off, len);
    if (status != IceSendStatus.SENT) {
      throw new IOException("ICE send failed: " + status);
    }
  }

  @Override
  public int receive(byte[] buf, int off, int len, int timeoutMillis) throws IOException {
    byte[] datagram = take(timeoutMillis);
    if (datagram == null) {
      return -1;
    }
    if (datagram == CLOSED || closed) {
      throw new IOException("transport closed");
    }
    int n = Math.min(len, datagram.length);
    System.arraycopy(datagram, 0, buf, off, n);
    return n;
  }

  private byte[] take(int timeoutMillis) throws IOException {
    if (closed) {
      return CLOSED;
    }
    try {
      return inbound.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a DTLS datagram");
    }
  }

  @Override
  public int maxDatagramSize() {
    return 1500; // an ICE path over Ethernet-sized links; the DTLS MTU setting stays below it
  }

  @Override
  public void close() {
    closed = true;
    inbound.clear();
    inbound.offer(CLOSED); // wakes a blocked receive at once
  }
}
