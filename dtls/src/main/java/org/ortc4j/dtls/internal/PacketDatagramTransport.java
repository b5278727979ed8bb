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
 *
 * <p>Two repairs of BouncyCastle under loss, always on:
 * <ul>
 *   <li>A lone change_cipher_spec record is sent in one datagram with the record BouncyCastle
 *       sends right after it (always its Finished), as OpenSSL does: sent apart, losing either
 *       loses the pair (a peer that missed the change_cipher_spec discards the Finished of the
 *       next epoch), and BouncyCastle resends only after a timer that doubles up to 60 s.
 *   <li>A server holds back the client's change_cipher_spec until its CertificateVerify has
 *       arrived ({@link ChangeCipherSpecGate}).
 * </ul>
 * Measured together on loopback through a seeded lossy relay (api ImpairedLossStatisticsTest):
 * see the README's hardening report.
 */
public final class PacketDatagramTransport implements DatagramTransport {
  private static final int CLOSE_CHECK_MILLIS = 200;
  private static final int CHANGE_CIPHER_SPEC = 20;
  private static final int HANDSHAKE = 22;

  private final PacketTransport transport;
  private final int sendLimit;
  private final AtomicLong dropped = new AtomicLong();
  private final long repeatNanos;
  private final ChangeCipherSpecGate gate; // a server's; null for a client
  private final List<byte[]> lastFlight = new ArrayList<>(); // guarded by this
  private byte[] heldChangeCipherSpec; // guarded by this
  private boolean answered; // a datagram arrived since the last send: next send starts a flight
  private boolean repeating; // guarded by this
  private boolean echoing; // guarded by this
  private long echoUntilNanos; // guarded by this
  private long lastEchoNanos; // guarded by this
  private long lastActivityNanos; // guarded by this
  private volatile boolean closed;

  /** Wraps {@code transport}, sending datagrams of at most {@code mtu} bytes. */
  public PacketDatagramTransport(PacketTransport transport, int mtu) {
    this(transport, mtu, Duration.ZERO, false);
  }

  /**
   * As {@link #PacketDatagramTransport(PacketTransport, int)}, sending the last flight again
   * after {@code maxRetransmitInterval} without a datagram received (zero: never) until {@link
   * #handshakeEnded}; {@code server} for the DTLS server's side (see {@link
   * ChangeCipherSpecGate}).
   */
  public PacketDatagramTransport(PacketTransport transport, int mtu,
      Duration maxRetransmitInterval, boolean server) {
    this.transport = transport;
    this.sendLimit = Math.min(mtu, transport.maxDatagramSize());
    this.repeatNanos = maxRetransmitInterval.toNanos();
    this.repeating = repeatNanos > 0;
    this.gate = server ? new ChangeCipherSpecGate() : null;
    this.lastActivityNanos = System.nanoTime();
  }

  /**
   * Stops the repeats. With a resend limit, the side that sent the handshake's last flight (the
   * server, whose Finished ends it) keeps that flight for {@code echoWindow} and sends it again,
   * at most once per half limit, when a datagram starting with an epoch-0 handshake or
   * change_cipher_spec record arrives (the start of the peer's resent last flight): the peer's
   * repeats are exact copies, which BouncyCastle's record layer drops as replays before its own
   * resend-on-retransmission (RFC 6347 §4.2.4) could answer them. Not without a limit, and not
   * for epoch-1 records: a completed OpenSSL 3.0 peer that gets our Finished again stops sending
   * (seen in ForgedRecordTest), so anything that is not the peer's resent flight must not
   * trigger it.
   */
  public synchronized void handshakeEnded(Duration echoWindow) {
    boolean sentLast = repeating && !answered && !lastFlight.isEmpty();
    repeating = false;
    if (sentLast) {
      echoing = true;
      lastEchoNanos = System.nanoTime() - repeatNanos;
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
          echoIfFlightStart(buf, off);
          int kept = gate == null ? received : gate.filter(buf, off, received);
          if (kept > 0) {
            return kept;
          }
        } else {
          dropped.incrementAndGet();
        }
      }
      repeatIfSilent();
    }
  }

  /** Sends one datagram, holding a lone change_cipher_spec back for the record after it. */
  @Override
  public synchronized void send(byte[] buf, int off, int len) throws IOException {
    checkOpen();
    byte[] held = heldChangeCipherSpec;
    heldChangeCipherSpec = null;
    if (held == null && isChangeCipherSpec(buf, off, len)) {
      heldChangeCipherSpec = Arrays.copyOfRange(buf, off, off + len);
      return;
    }
    if (held != null && held.length + len <= sendLimit) {
      byte[] both = Arrays.copyOf(held, held.length + len);
      System.arraycopy(buf, off, both, held.length, len);
      sendAndRemember(both, 0, both.length);
      return;
    }
    if (held != null) {
      sendAndRemember(held, 0, held.length);
    }
    sendAndRemember(buf, off, len);
  }

  private void sendAndRemember(byte[] buf, int off, int len) throws IOException {
    remember(buf, off, len);
    transport.send(buf, off, len);
  }

  /** Whether the datagram is exactly one change_cipher_spec record (RFC 6347 §4.1). */
  private static boolean isChangeCipherSpec(byte[] buf, int off, int len) {
    return len == DtlsRecordCheck.HEADER_LENGTH + 1 && buf[off] == CHANGE_CIPHER_SPEC
        && buf[off + DtlsRecordCheck.HEADER_LENGTH] == 1;
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

  /** An epoch-0 handshake or change_cipher_spec record starts the peer's resent flight. */
  private void echoIfFlightStart(byte[] buf, int off) throws IOException {
    List<byte[]> flight;
    synchronized (this) {
      int contentType = buf[off];
      boolean epochZero = buf[off + 3] == 0 && buf[off + 4] == 0;
      if (!echoing || !epochZero
          || (contentType != CHANGE_CIPHER_SPEC && contentType != HANDSHAKE)) {
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
