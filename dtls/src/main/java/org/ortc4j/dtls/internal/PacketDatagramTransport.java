package org.ortc4j.dtls.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.tls.DatagramTransport;
import org.ortc4j.dtls.PacketTransport;

/**
 * Adapts a {@link PacketTransport} to BouncyCastle's {@link DatagramTransport}: drops and counts
 * datagrams that are not DTLS records, caps what we send at the configured MTU, and makes a
 * blocked receive notice {@link #close()} within {@value #CLOSE_CHECK_MILLIS} ms even when the
 * underlying transport does not wake its receiver.
 *
 * <p>With a resend limit, it also sends the last flight again, datagram for datagram, when
 * nothing has arrived for that long during the handshake (see {@code
 * DtlsConfig.Builder#maxRetransmitInterval}): BouncyCastle's own resend interval doubles up to
 * 60 s and cannot be capped. A flight is what was sent since the last datagram received; it is
 * sent again whenever that long has passed since it (or its last copy) went out, until the
 * handshake ends: copies the peer already has are dropped there, the others fill its gaps.
 */
public final class PacketDatagramTransport implements DatagramTransport {
  private static final int CLOSE_CHECK_MILLIS = 200;

  private final PacketTransport transport;
  private final int sendLimit;
  private final AtomicLong dropped = new AtomicLong();
  private final long repeatNanos;
  private final List<byte[]> lastFlight = new ArrayList<>(); // guarded by this
  private boolean answered; // a datagram arrived since the last send: next send starts a flight
  private boolean repeating; // guarded by this
  private boolean echoing; // guarded by this
  private long echoUntilNanos; // guarded by this
  private long lastEchoNanos; // guarded by this
  private long lastActivityNanos; // guarded by this
  private volatile boolean closed;

  /** Wraps {@code transport}, sending datagrams of at most {@code mtu} bytes. */
  public PacketDatagramTransport(PacketTransport transport, int mtu) {
    this(transport, mtu, Duration.ZERO);
  }

  /**
   * As {@link #PacketDatagramTransport(PacketTransport, int)}, sending the last flight again
   * after {@code maxRetransmitInterval} without a datagram received (zero: never) until {@link
   * #handshakeEnded()}.
   */
  public PacketDatagramTransport(PacketTransport transport, int mtu,
      Duration maxRetransmitInterval) {
    this.transport = transport;
    this.sendLimit = Math.min(mtu, transport.maxDatagramSize());
    this.repeatNanos = maxRetransmitInterval.toNanos();
    this.repeating = repeatNanos > 0;
    this.lastActivityNanos = System.nanoTime();
  }

  /**
   * Stops the repeats. The side that sent the handshake's last flight (the server, whose
   * Finished ends it) keeps that flight for {@code echoWindow} and sends it again, at most once
   * per half limit, when a handshake record arrives: the peer's repeats are exact copies, which
   * BouncyCastle's record layer drops as replays before its own resend-on-retransmission
   * (RFC 6347 §4.2.4) could answer them.
   */
  public synchronized void handshakeEnded(Duration echoWindow) {
    boolean sentLast = repeating && !answered && !lastFlight.isEmpty();
    repeating = false;
    if (sentLast) {
      echoing = true;
      echoUntilNanos = System.nanoTime() + echoWindow.toNanos();
    } else {
      lastFlight.clear();
    }
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
          (int) Math.min(Math.min(remainingMillis, CLOSE_CHECK_MILLIS), millisToRepeat()));
      if (received >= 0) {
        if (DtlsRecordCheck.isDtls(buf, off, received)) {
          heard();
          echoIfHandshake(buf[off]);
          return received;
        }
        dropped.incrementAndGet();
      }
      repeatIfSilent();
    }
  }

  @Override
  public void send(byte[] buf, int off, int len) throws IOException {
    checkOpen();
    remember(buf, off, len);
    transport.send(buf, off, len);
  }

  private synchronized void remember(byte[] buf, int off, int len) {
    if (!repeating) {
      return;
    }
    if (answered) {
      lastFlight.clear();
      answered = false;
    }
    lastFlight.add(Arrays.copyOfRange(buf, off, off + len));
    lastActivityNanos = System.nanoTime();
  }

  /**
   * Marks the end of our flight. It does not put off the next repeat: what arrives may be the
   * peer's copies of a flight we already have, which BouncyCastle drops as replays, and two
   * sides each waiting for the other's gap to close would otherwise keep each other silent.
   */
  private synchronized void heard() {
    answered = true;
  }

  /** At least 1 ms, so that a due repeat does not turn the receive into a busy loop. */
  private synchronized long millisToRepeat() {
    if (!repeating || lastFlight.isEmpty()) {
      return Long.MAX_VALUE;
    }
    return Math.max(1, (lastActivityNanos + repeatNanos - System.nanoTime()) / 1_000_000L);
  }

  /** Content types 20 (change_cipher_spec) and 22 (handshake) start a repeated flight. */
  private void echoIfHandshake(byte contentType) throws IOException {
    List<byte[]> flight;
    synchronized (this) {
      if (!echoing || (contentType != 20 && contentType != 22)) {
        return;
      }
      long now = System.nanoTime();
      if (now > echoUntilNanos) {
        echoing = false;
        lastFlight.clear();
        return;
      }
      if (now - lastEchoNanos < repeatNanos / 2) {
        return;
      }
      lastEchoNanos = now;
      flight = List.copyOf(lastFlight);
    }
    for (byte[] datagram : flight) {
      transport.send(datagram, 0, datagram.length);
    }
  }

  private void repeatIfSilent() throws IOException {
    List<byte[]> flight;
    synchronized (this) {
      // also when part of the peer's answer came: our flight again makes the peer send its
      // whole flight again, filling the gaps, where waiting would leave them to the doubling
      if (!repeating || lastFlight.isEmpty()
          || System.nanoTime() - lastActivityNanos < repeatNanos) {
        return;
      }
      flight = List.copyOf(lastFlight);
      lastActivityNanos = System.nanoTime();
    }
    for (byte[] datagram : flight) {
      transport.send(datagram, 0, datagram.length);
    }
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
