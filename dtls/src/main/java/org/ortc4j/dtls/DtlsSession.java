package org.ortc4j.dtls;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SecurityParameters;
import org.ortc4j.dtls.internal.CipherSuites;
import org.ortc4j.dtls.internal.DtlsClientPeer;
import org.ortc4j.dtls.internal.DtlsServerPeer;
import org.ortc4j.dtls.internal.FailureClassifier;
import org.ortc4j.dtls.internal.HandshakeEvents;
import org.ortc4j.dtls.internal.PacketDatagramTransport;
import org.ortc4j.dtls.internal.PeerSettings;

/**
 * One DTLS 1.2 association over a {@link PacketTransport}: the handshake (with the peer's
 * certificate checked against the configured fingerprints and use_srtp negotiated), then
 * application data both ways until either side closes.
 *
 * <pre>{@code
 * DtlsSession session = DtlsSession.start(DtlsRole.CLIENT, transport, config, listener);
 * DtlsHandshakeResult result = session.handshake().get(30, TimeUnit.SECONDS);
 * SrtpKeyingMaterial keys = result.srtp().orElseThrow();
 * }</pre>
 *
 * <p>Threading: {@link #start} returns at once; the session runs the handshake and then a
 * receive loop on its own daemon thread, named {@code ortc4j-dtls-<role>-<n>}. The loop keeps
 * running after the handshake because DTLS needs it: it retransmits our last flight when the
 * peer's Finished was lost, and processes close_notify and alerts. Listener calls come from
 * that thread (see {@link DtlsSessionListener}). {@link #send} and {@link #close()} may be
 * called from any thread.
 *
 * <p>The session owns the transport and closes it when the session ends, whether by {@link
 * #close()}, by the peer or by a failure.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6347">RFC 6347 (DTLS 1.2)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc5764">RFC 5764 (DTLS-SRTP)</a>
 */
public final class DtlsSession implements AutoCloseable {
  private static final AtomicLong IDS = new AtomicLong();
  private static final int RECEIVE_WAIT_MILLIS = 1000;
  private static final long CLOSE_JOIN_MILLIS = 2000;

  private final DtlsRole role;
  private final DtlsConfig config;
  private final DtlsSessionListener listener;
  private final PacketDatagramTransport datagrams;
  private final HandshakeEvents events = new HandshakeEvents();
  private final CompletableFuture<DtlsHandshakeResult> handshake = new CompletableFuture<>();
  private final Object lock = new Object();
  private final Thread thread;
  private DTLSTransport connection; // guarded by lock
  private boolean closeRequested; // guarded by lock
  private volatile boolean ended;

  private DtlsSession(DtlsRole role, PacketTransport transport, DtlsConfig config,
      DtlsSessionListener listener) {
    this.role = role;
    this.config = config;
    this.listener = listener;
    this.datagrams = new PacketDatagramTransport(transport, config.mtu(),
        config.maxRetransmitInterval(), role == DtlsRole.SERVER);
    this.thread = new Thread(this::run,
        "ortc4j-dtls-" + role.name().toLowerCase(Locale.ROOT) + "-" + IDS.incrementAndGet());
    thread.setDaemon(true);
  }

  /**
   * Starts a session in {@code role} over {@code transport} and returns at once; follow the
   * handshake with {@link #handshake()} or the listener.
   *
   * @param listener receives the events; use {@code new DtlsSessionListener() {}} for none
   */
  public static DtlsSession start(DtlsRole role, PacketTransport transport, DtlsConfig config,
      DtlsSessionListener listener) {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(listener, "listener");
    DtlsSession session = new DtlsSession(role, transport, config, listener);
    session.thread.start();
    return session;
  }

  /** {@link #start} as the DTLS client. */
  public static DtlsSession client(
      PacketTransport transport, DtlsConfig config, DtlsSessionListener listener) {
    return start(DtlsRole.CLIENT, transport, config, listener);
  }

  /** {@link #start} as the DTLS server. */
  public static DtlsSession server(
      PacketTransport transport, DtlsConfig config, DtlsSessionListener listener) {
    return start(DtlsRole.SERVER, transport, config, listener);
  }

  /**
   * Completes with the result when the handshake succeeds, or exceptionally with a {@link
   * DtlsException} when it fails, times out, or the session is closed first ({@link
   * DtlsFailure#CLOSED_LOCALLY}). Never left pending: the handshake timeout bounds it.
   */
  public CompletableFuture<DtlsHandshakeResult> handshake() {
    return handshake;
  }

  /** This side's role. */
  public DtlsRole role() {
    return role;
  }

  /** The configuration the session runs with. */
  public DtlsConfig config() {
    return config;
  }

  /** How many received datagrams were dropped because they were not DTLS records. */
  public long droppedDatagrams() {
    return datagrams.droppedDatagrams();
  }

  /**
   * Sends {@code len} bytes as one DTLS application data record, e.g. an SCTP packet.
   *
   * @throws IllegalStateException before the handshake completed, or after the session ended
   * @throws IllegalArgumentException if {@code len} exceeds {@link #maxApplicationDataSize()}
   * @throws IOException if the transport fails
   */
  public void send(byte[] buf, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, buf.length);
    DTLSTransport transport = connectedTransport();
    int limit = transport.getSendLimit();
    if (len > limit) {
      throw new IllegalArgumentException("record of " + len + " bytes exceeds " + limit);
    }
    transport.send(buf, off, len);
  }

  /**
   * The largest application data record {@link #send} takes: the MTU less the record overhead.
   *
   * @throws IllegalStateException before the handshake completed, or after the session ended
   */
  public int maxApplicationDataSize() throws IOException {
    return connectedTransport().getSendLimit();
  }

  /**
   * Ends the session: sends close_notify if connected, aborts a handshake in progress (whose
   * future then fails with {@link DtlsFailure#CLOSED_LOCALLY}), closes the transport and waits
   * briefly for the session thread to finish. Idempotent; callable from any thread, including
   * a listener.
   */
  @Override
  public void close() {
    DTLSTransport transport;
    synchronized (lock) {
      if (closeRequested) {
        return;
      }
      closeRequested = true;
      transport = connection;
    }
    if (transport != null) {
      closeQuietly(transport);
    }
    datagrams.close();
    awaitThread();
  }

  private void run() {
    DtlsHandshakeResult result;
    try {
      result = connect();
    } catch (IOException | RuntimeException e) {
      handshakeFailed(e);
      return;
    } finally {
      datagrams.handshakeEnded(config.handshakeTimeout());
    }
    notifyListener(() -> listener.onConnected(result));
    handshake.complete(result);
    receiveLoop();
  }

  private DtlsHandshakeResult connect() throws IOException {
    PeerSettings settings = peerSettings();
    if (role == DtlsRole.CLIENT) {
      DtlsClientPeer peer = new DtlsClientPeer(settings, events);
      return connected(new DTLSClientProtocol().connect(peer, datagrams));
    }
    DtlsServerPeer peer = new DtlsServerPeer(settings, events);
    DTLSServerProtocol protocol = new DTLSServerProtocol();
    // cookies guard a public server against spoofed floods; after ICE they add a round trip
    // and BouncyCastle's verifier drops fragmented ClientHellos (design.md §3)
    protocol.setVerifyRequests(false);
    return connected(protocol.accept(peer, datagrams));
  }

  private PeerSettings peerSettings() {
    DtlsCertificate certificate = config.certificate();
    return new PeerSettings(certificate.parsed(), certificate.privateKey(),
        certificate.keyType(), config.remoteFingerprints(), config.srtpProfiles(),
        (int) config.handshakeTimeout().toMillis(),
        (int) config.initialRetransmitInterval().toMillis());
  }

  private DtlsHandshakeResult connected(DTLSTransport transport) throws IOException {
    DtlsHandshakeResult result;
    try {
      result = result();
    } catch (IOException | RuntimeException e) {
      closeQuietly(transport);
      throw e;
    }
    synchronized (lock) {
      if (!closeRequested) {
        connection = transport;
        return result;
      }
    }
    closeQuietly(transport);
    throw new IOException("closed as the handshake completed");
  }

  private DtlsHandshakeResult result() throws IOException {
    SecurityParameters parameters = events.parameters();
    if (parameters == null || !parameters.isExtendedMasterSecret()) {
      throw new IOException("the handshake ended without extended master secret");
    }
    ProtocolVersion version = parameters.getNegotiatedVersion();
    return new DtlsHandshakeResult(role, CipherSuites.name(parameters.getCipherSuite()),
        ProtocolVersion.DTLSv12.equals(version) ? "DTLSv1.2" : version.getName(),
        Optional.ofNullable(events.srtpKeys()), events.remoteChain(),
        events.matchedFingerprint());
  }

  private void handshakeFailed(Throwable cause) {
    DtlsException failure = FailureClassifier.classify(cause, events, isCloseRequested());
    ended = true;
    datagrams.close();
    if (failure.reason() != DtlsFailure.CLOSED_LOCALLY) {
      notifyListener(() -> listener.onFailed(failure));
    }
    handshake.completeExceptionally(failure);
  }

  private void receiveLoop() {
    DTLSTransport transport = connection;
    byte[] buf;
    try {
      buf = new byte[transport.getReceiveLimit()];
    } catch (IOException e) {
      sessionEnded(e);
      return;
    }
    while (true) {
      int received;
      try {
        received = transport.receive(buf, 0, buf.length, RECEIVE_WAIT_MILLIS);
      } catch (IOException | RuntimeException e) {
        sessionEnded(e);
        return;
      }
      if (received >= 0) {
        byte[] data = Arrays.copyOf(buf, received);
        notifyListener(() -> listener.onApplicationData(data));
      } else if (events.closeNotifyReceived() || datagrams.isClosed()) {
        sessionEnded(null);
        return;
      }
    }
  }

  private void sessionEnded(Throwable cause) {
    ended = true;
    datagrams.close();
    boolean local = isCloseRequested();
    if (events.closeNotifyReceived() && !local) {
      notifyListener(listener::onClosedByPeer);
    } else if (!local) {
      DtlsException failure = FailureClassifier.classify(
          cause != null ? cause : new IOException("the packet transport was closed"),
          events, false);
      notifyListener(() -> listener.onFailed(failure));
    }
  }

  private DTLSTransport connectedTransport() {
    DTLSTransport transport;
    synchronized (lock) {
      if (closeRequested) {
        throw new IllegalStateException("the session is closed");
      }
      transport = connection;
    }
    if (transport == null) {
      throw new IllegalStateException("the handshake has not completed");
    }
    if (ended) {
      throw new IllegalStateException("the session has ended");
    }
    return transport;
  }

  private boolean isCloseRequested() {
    synchronized (lock) {
      return closeRequested;
    }
  }

  private void awaitThread() {
    if (Thread.currentThread() == thread) {
      return;
    }
    try {
      thread.join(CLOSE_JOIN_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(DTLSTransport transport) {
    try {
      transport.close();
    } catch (IOException | RuntimeException e) {
      // the transport is gone either way; close_notify is best effort
    }
  }

  private static void notifyListener(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      // a listener's bug must not kill the session thread
    }
  }

  /** The role, configuration summary and state; never key material. */
  @Override
  public String toString() {
    return "DtlsSession[" + thread.getName() + ", " + (ended ? "ended"
        : handshake.isDone() ? "connected" : "handshaking") + "]";
  }
}
