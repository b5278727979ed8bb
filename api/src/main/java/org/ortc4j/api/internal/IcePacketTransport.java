package org.ortc4j.api.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.ortc4j.dtls.PacketTransport;
import org.ortc4j.ice.IceConnection;
import org.ortc4j.ice.IceSendStatus;

/**
 * The DTLS session's view of an ICE connection: sends straight through it, and receives the
 * DTLS datagrams the {@link Demultiplexer} hands over through a bounded queue. A full queue
 * drops (and counts) rather than block the ICE read loop; DTLS retransmits what it needs.
 *
 * <p>Each datagram the session takes is first shown to an inspector on the session's thread
 * (the DTLS transport watches for a ClientHello there, to detect a role conflict).
 */
public final class IcePacketTransport implements PacketTransport, Demultiplexer.Endpoint {
  private static final byte[] CLOSED = new byte[0];
  /** An ICE path over Ethernet-sized links; the DTLS MTU setting stays below it. */
  private static final int MAX_DATAGRAM = 1500;
  /**
   * The smallest queue: a whole handshake flight (an RSA certificate chain spans several
   * datagrams, arriving in one burst) must fit, or the same datagrams are lost on every
   * retransmission and the handshake never completes.
   */
  static final int MIN_CAPACITY = 64;

  private final IceConnection connection;
  private final BlockingQueue<byte[]> inbound;
  private final LongAdder dropped = new LongAdder();
  private volatile Consumer<byte[]> inspector = datagram -> { };
  private volatile boolean closed;

  /**
   * @param connection the ICE connection to send on
   * @param capacity how many received datagrams may wait for the session; raised to {@value
   *     #MIN_CAPACITY} if smaller
   */
  public IcePacketTransport(IceConnection connection, int capacity) {
    this.connection = connection;
    this.inbound = new ArrayBlockingQueue<>(Math.max(MIN_CAPACITY, capacity));
  }

  /** Sets what sees each datagram before the session does. */
  public void setInspector(Consumer<byte[]> inspector) {
    this.inspector = inspector;
  }

  @Override
  public void onDatagram(byte[] buf, int off, int len) {
    byte[] copy = new byte[len];
    System.arraycopy(buf, off, copy, 0, len);
    if (closed || !inbound.offer(copy)) {
      dropped.increment();
    }
  }

  /** Datagrams dropped because the session did not keep up or had ended. */
  public long dropped() {
    return dropped.sum();
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
    inspector.accept(datagram);
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
    return MAX_DATAGRAM;
  }

  @Override
  public void close() {
    closed = true;
    inbound.clear();
    inbound.offer(CLOSED); // wakes a blocked receive at once
  }
}
