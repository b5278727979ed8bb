package org.ortc4j.dtls.internal;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.tls.DatagramTransport;
import org.ortc4j.dtls.PacketTransport;

/**
 * Adapts a {@link PacketTransport} to BouncyCastle's {@link DatagramTransport}: drops and counts
 * datagrams that are not DTLS records, caps what we send at the configured MTU, and makes a
 * blocked receive notice {@link #close()} within {@value #CLOSE_CHECK_MILLIS} ms even when the
 * underlying transport does not wake its receiver.
 */
public final class PacketDatagramTransport implements DatagramTransport {
  private static final int CLOSE_CHECK_MILLIS = 200;

  private final PacketTransport transport;
  private final int sendLimit;
  private final AtomicLong dropped = new AtomicLong();
  private volatile boolean closed;

  /** Wraps {@code transport}, sending datagrams of at most {@code mtu} bytes. */
  public PacketDatagramTransport(PacketTransport transport, int mtu) {
    this.transport = transport;
    this.sendLimit = Math.min(mtu, transport.maxDatagramSize());
  }

  @Override
  public int getReceiveLimit() {
    return transport.maxDatagramSize();
  }

  @Override
  public int getSendLimit() {
    return sendLimit;
  }

  /** Waits up to {@code waitMillis} (0: no limit) for a DTLS datagram; -1 on timeout. */
  @Override
  public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
    long deadline = waitMillis == 0 ? Long.MAX_VALUE : System.nanoTime() + waitMillis * 1_000_000L;
    while (true) {
      checkOpen();
      long remainingMillis = (deadline - System.nanoTime()) / 1_000_000L;
      if (remainingMillis <= 0) {
        return -1;
      }
      int received = transport.receive(buf, off, len,
          (int) Math.min(remainingMillis, CLOSE_CHECK_MILLIS));
      if (received >= 0) {
        if (DtlsRecordCheck.isDtls(buf, off, received)) {
          return received;
        }
        dropped.incrementAndGet();
      }
    }
  }

  @Override
  public void send(byte[] buf, int off, int len) throws IOException {
    checkOpen();
    transport.send(buf, off, len);
  }

  /** Closes the underlying transport; idempotent. */
  @Override
  public void close() {
    closed = true;
    transport.close();
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed;
  }

  /** How many datagrams were dropped because they were not DTLS. */
  public long droppedDatagrams() {
    return dropped.get();
  }

  private void checkOpen() throws IOException {
    if (closed) {
      throw new IOException("the packet transport is closed");
    }
  }
}
