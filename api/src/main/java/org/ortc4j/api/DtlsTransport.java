package org.ortc4j.api;

import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.disposables.Disposable;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.ortc4j.api.internal.DtlsRecords;
import org.ortc4j.api.internal.Futures;
import org.ortc4j.api.internal.IcePacketTransport;
import org.ortc4j.api.internal.RoleRule;
import org.ortc4j.api.internal.SrtpMedia;
import org.ortc4j.api.internal.StateCell;
import org.ortc4j.dtls.CertificateFingerprint;
import org.ortc4j.dtls.DtlsConfig;
import org.ortc4j.dtls.DtlsException;
import org.ortc4j.dtls.DtlsHandshakeResult;
import org.ortc4j.dtls.DtlsRole;
import org.ortc4j.dtls.DtlsSession;
import org.ortc4j.dtls.DtlsSessionListener;
import org.ortc4j.ice.IceConnectionState;
import org.ortc4j.ice.IceRole;
import org.ortc4j.rtcp.RtcpPacket;
import org.ortc4j.rtp.RtpHeader;
import org.ortc4j.rtp.RtpPacket;
import org.ortc4j.srtp.SrtpKeyingMaterial;
import org.ortc4j.srtp.SrtpProfile;

/**
 * DTLS-SRTP over an {@link IceTransport}: authenticates the peer by its signalled certificate
 * fingerprint, derives SRTP/SRTCP keys (RFC 5764) and carries media: Pion's {@code
 * DTLSTransport} with RTP and RTCP reading and writing on it.
 *
 * <p>Use: signal {@link #getLocalParameters()}; call {@link #start} (or {@link #startAsync}) with
 * the peer's parameters once the ICE transport is started; after CONNECTED, {@link #writeRtp},
 * {@link #writeRtcp}, and read with {@link #readRtp(long)} and {@link #readRtcp()}; {@link
 * #stop()} when done. The handshake begins when ICE connects, in the role the role rule gives
 * (settings, then the inverse of the peer's role, then ICE controlling = server); both sides
 * taking the same role fails with {@link DtlsTransportFailure#ROLE_CONFLICT} instead of hanging.
 * See {@link DtlsTransportState} for the states; the transport follows ICE (ICE FAILED or
 * CLOSED moves it to FAILED or CLOSED, ending a pending start at once).
 *
 * <p>Nothing is ever sent unencrypted: writes before CONNECTED fail with {@link
 * InvalidStateException}. Received packets are decrypted on the ICE read loop and delivered to
 * readers on this transport's media threads through bounded queues: a slow reader loses its
 * oldest packets (counted in {@link #counters()}), never stalls the network nor the other
 * readers (up to four readers may be called, or block, at once). Thread-safe;
 * streams deliver outside every lock.
 */
public final class DtlsTransport {
  private static final System.Logger LOG = System.getLogger(DtlsTransport.class.getName());

  private final OrtcSettings settings;
  private final IceTransport ice;
  private final List<RtcCertificate> certificates;
  private final StateCell<DtlsTransportState> state =
      new StateCell<>(DtlsTransportState.NEW, s -> s == DtlsTransportState.CLOSED);
  private final CompletableFuture<Void> connected = new CompletableFuture<>();
  private final IcePacketTransport packets;
  private final SrtpMedia media;
  private final Object lock = new Object();
  /** Null while the constructor subscribes (the replayed ICE state may close us already). */
  private volatile Disposable iceStates;
  private DtlsParameters remote; // guarded by lock
  private DtlsSession session; // guarded by lock
  private boolean started; // guarded by lock
  private boolean sessionBegun; // guarded by lock
  private Disposable conflictTimer; // guarded by lock
  private volatile DtlsRole role;
  private volatile boolean clientHelloSeen;
  private volatile boolean peerHeard;
  private volatile DtlsHandshakeResult result;
  private volatile DtlsTransportException failure;

  DtlsTransport(OrtcSettings settings, IceTransport ice, List<RtcCertificate> certificates) {
    this.settings = settings;
    this.ice = Objects.requireNonNull(ice, "ice");
    this.certificates = List.copyOf(certificates);
    if (this.certificates.isEmpty()) {
      throw new InvalidAccessException("at least one certificate is needed");
    }
    ice.claimDtls();
    this.packets = new IcePacketTransport(ice.connection(), settings.earlyPacketLimit());
    this.media = new SrtpMedia(ice.connection(), settings.srtpOptions(),
        settings.earlyPacketLimit(), settings.readQueueCapacity());
    packets.setInspector(this::inspect);
    ice.demultiplexer().setMediaEndpoint(media);
    ice.demultiplexer().setDtlsEndpoint(packets);
    this.iceStates = ice.states().subscribe(this::onIceState);
  }

  /**
   * What to signal: our role ({@code auto} unless the settings fix one) and the SHA-256
   * fingerprint of every certificate.
   */
  public DtlsParameters getLocalParameters() {
    List<CertificateFingerprint> fingerprints = certificates.stream()
        .flatMap(c -> c.getFingerprints().stream()).toList();
    return new DtlsParameters(settings.dtlsRole(), fingerprints);
  }

  /** Our certificates; the first one is presented in the handshake. */
  public List<RtcCertificate> getCertificates() {
    return certificates;
  }

  /**
   * Starts DTLS with the peer's parameters and returns at once. The handshake begins as soon
   * as the ICE transport is connected.
   *
   * @return completes when CONNECTED (SRTP keyed); fails with {@link DtlsTransportException} on
   *     failure, stop, or when ICE fails or closes, at once (never left pending: the handshake
   *     timeout bounds it once ICE connected, the ICE connect timeout before)
   * @throws InvalidStateException if started before, stopped, or the ICE transport is not
   *     started
   * @throws InvalidAccessException if {@code remote} has no fingerprint
   */
  public CompletableFuture<Void> startAsync(DtlsParameters remote) {
    Objects.requireNonNull(remote, "remote");
    if (remote.fingerprints().isEmpty()) {
      throw new InvalidAccessException("the remote parameters have no fingerprint");
    }
    synchronized (lock) {
      if (state.get() == DtlsTransportState.CLOSED) {
        throw new InvalidStateException("the DTLS transport is stopped");
      }
      if (started) {
        throw new InvalidStateException("start() was called before");
      }
      if (!ice.isStarted()) {
        throw new InvalidStateException("the ICE transport is not started");
      }
      if (state.get() == DtlsTransportState.FAILED) {
        throw new InvalidStateException("the DTLS transport failed: " + failure.getMessage());
      }
      started = true;
      this.remote = remote;
      state.compareAndSetQueued(s -> s == DtlsTransportState.NEW, DtlsTransportState.CONNECTING);
    }
    state.drain();
    if (ice.state().isConnected()) {
      beginHandshake();
    }
    return connected.copy();
  }

  /**
   * {@link #startAsync} and waits for CONNECTED.
   *
   * @throws DtlsTransportException if the handshake failed, or the transport stopped first
   * @throws RtcTimeoutException if {@code timeout} passed first (the handshake goes on)
   */
  public void start(DtlsParameters remote, Duration timeout) {
    Futures.await(startAsync(remote), timeout, "DTLS start");
  }

  private void onIceState(IceConnectionState iceState) {
    switch (iceState) {
      case CONNECTED, COMPLETED -> beginHandshake();
      case FAILED -> fail(DtlsTransportFailure.ICE_FAILED, "the ICE transport failed", null);
      case CLOSED -> close(DtlsTransportFailure.ICE_CLOSED, false);
      default -> { }
    }
  }

  private void beginHandshake() {
    synchronized (lock) {
      if (!started || sessionBegun || state.get() != DtlsTransportState.CONNECTING) {
        return;
      }
      sessionBegun = true;
      role = resolveRole();
      session = DtlsSession.start(role, packets, dtlsConfig(), new SessionEvents());
      conflictTimer = Schedulers.computation().scheduleDirect(this::checkRoleConflict,
          settings.dtlsRoleConflictTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private DtlsRole resolveRole() {
    DtlsRole local = settings.dtlsRole() == DtlsTransportRole.AUTO
        ? null : settings.dtlsRole().toDtlsRole();
    DtlsRole peer = remote.role() == DtlsTransportRole.AUTO ? null : remote.role().toDtlsRole();
    IceRole iceRole = ice.role().orElse(IceRole.CONTROLLED);
    return RoleRule.resolve(local, peer, iceRole);
  }

  private DtlsConfig dtlsConfig() {
    return DtlsConfig.builder()
        .certificate(certificates.get(0).dtlsCertificate())
        .remoteFingerprints(remote.fingerprints())
        .srtpProfiles(settings.srtpProfiles())
        .initialRetransmitInterval(settings.dtlsRetransmitInterval())
        .maxRetransmitInterval(settings.dtlsMaxRetransmitInterval())
        .handshakeTimeout(settings.dtlsHandshakeTimeout())
        .mtu(settings.dtlsMtu())
        .build();
  }

  /** Runs on the session thread for each DTLS datagram it takes. */
  private void inspect(byte[] datagram) {
    peerHeard = true;
    if (!DtlsRecords.isClientHello(datagram, 0, datagram.length)) {
      return;
    }
    clientHelloSeen = true;
    if (role == DtlsRole.CLIENT) {
      fail(DtlsTransportFailure.ROLE_CONFLICT,
          "we are the DTLS client and received the peer's ClientHello: both sides are clients",
          null);
    }
  }

  /**
   * Both servers: no ClientHello comes. Both clients: each sees the other's ClientHello (see
   * {@link #inspect}), unless the peer's ClientHello was lost on the way and the peer, having
   * seen ours, failed at once and went quiet: then we hear nothing at all.
   */
  private void checkRoleConflict() {
    if (state.get() != DtlsTransportState.CONNECTING) {
      return;
    }
    long millis = settings.dtlsRoleConflictTimeout().toMillis();
    if (role == DtlsRole.SERVER && !clientHelloSeen) {
      fail(DtlsTransportFailure.ROLE_CONFLICT, "we are the DTLS server and no ClientHello came "
          + "within " + millis + " ms: both sides are servers (or the peer never started)", null);
    } else if (role == DtlsRole.CLIENT && !peerHeard) {
      fail(DtlsTransportFailure.ROLE_CONFLICT, "we are the DTLS client and the peer sent nothing "
          + "within " + millis + " ms: both sides are clients (or the peer never started)", null);
    }
  }

  private void onConnected(DtlsHandshakeResult handshake) {
    SrtpKeyingMaterial keys = handshake.srtp().orElseThrow(); // SRTP is never turned off here
    media.key(keys, handshake.role() == DtlsRole.CLIENT);
    result = handshake;
    if (state.compareAndSet(s -> s == DtlsTransportState.CONNECTING,
        DtlsTransportState.CONNECTED)) {
      connected.complete(null);
    }
  }

  private void fail(DtlsTransportFailure reason, String message, DtlsException cause) {
    DtlsTransportException error = new DtlsTransportException(reason, message,
        cause == null ? null : cause.alert().orElse(null), cause);
    DtlsSession ending;
    synchronized (lock) {
      DtlsTransportState now = state.get();
      if (now == DtlsTransportState.CLOSED || now == DtlsTransportState.FAILED) {
        return;
      }
      failure = error;
      state.compareAndSetQueued(s -> true, DtlsTransportState.FAILED);
      ending = endSession();
    }
    LOG.log(System.Logger.Level.DEBUG, "DTLS transport failed: {0}", message);
    connected.completeExceptionally(error);
    state.drain();
    finish(ending);
  }

  /**
   * Stops the transport: sends close_notify if connected, aborts a handshake in progress (a
   * pending start fails at once with {@link DtlsTransportFailure#STOPPED}), ends every reader
   * stream and frees the media threads. The state becomes CLOSED, emitted once. Idempotent. The
   * ICE transport is left running: stop it too when done.
   */
  public void stop() {
    close(DtlsTransportFailure.STOPPED, true);
  }

  private void close(DtlsTransportFailure reason, boolean detach) {
    DtlsSession ending;
    synchronized (lock) {
      if (!state.compareAndSetQueued(s -> true, DtlsTransportState.CLOSED)) {
        return;
      }
      ending = endSession();
    }
    connected.completeExceptionally(
        new DtlsTransportException(reason, "closed before connecting", null, null));
    state.drain();
    finish(ending);
    if (detach) {
      ice.demultiplexer().setDtlsEndpoint(null);
      ice.demultiplexer().setMediaEndpoint(null);
    }
    stopFollowingIce();
  }

  private void stopFollowingIce() {
    Disposable subscription = iceStates;
    if (subscription != null) {
      subscription.dispose();
    }
  }

  private DtlsSession endSession() {
    if (conflictTimer != null) {
      conflictTimer.dispose();
    }
    DtlsSession ending = session;
    session = null;
    return ending;
  }

  private void finish(DtlsSession ending) {
    if (ending != null) {
      ending.close(); // close_notify if connected; aborts a handshake
    }
    packets.close();
    media.close();
  }

  private void closedByPeer() {
    DtlsSession ending;
    synchronized (lock) {
      if (!state.compareAndSetQueued(s -> true, DtlsTransportState.CLOSED)) {
        return;
      }
      ending = endSession();
    }
    connected.completeExceptionally(new DtlsTransportException(
        DtlsTransportFailure.CLOSED_BY_PEER, "the peer closed the session", null, null));
    state.drain();
    finish(ending);
    stopFollowingIce();
  }

  /** The state now. */
  public DtlsTransportState state() {
    return state.get();
  }

  /** The current state, then each change; completes after CLOSED; never errors. */
  public Observable<DtlsTransportState> states() {
    return state.observe();
  }

  /** Why the transport failed, once FAILED. */
  public Optional<DtlsTransportException> failureCause() {
    return Optional.ofNullable(failure);
  }

  /** The ICE transport under this one. */
  public IceTransport iceTransport() {
    return ice;
  }

  /** The DTLS role taken, once the handshake began. */
  public Optional<DtlsRole> role() {
    return Optional.ofNullable(role);
  }

  /** The negotiated SRTP protection profile, once CONNECTED. */
  public Optional<SrtpProfile> srtpProfile() {
    return Optional.ofNullable(result).flatMap(DtlsHandshakeResult::srtpProfile);
  }

  /** The negotiated cipher suite (IANA name), once CONNECTED. */
  public Optional<String> cipherSuite() {
    return Optional.ofNullable(result).map(DtlsHandshakeResult::cipherSuite);
  }

  /** The peer's certificate (DER, a copy), once CONNECTED; empty before, as in Pion. */
  public byte[] getRemoteCertificate() {
    DtlsHandshakeResult r = result;
    return r == null ? new byte[0] : r.remoteCertificateDer();
  }

  /** The peer's certificate parsed, once CONNECTED. */
  public Optional<X509Certificate> getRemoteX509Certificate() {
    return Optional.ofNullable(result).map(DtlsHandshakeResult::remoteCertificate);
  }

  /** The full handshake result (role, suite, version, keys' profile, chain), once CONNECTED. */
  public Optional<DtlsHandshakeResult> handshakeResult() {
    return Optional.ofNullable(result);
  }

  /**
   * Protects and sends one RTP packet.
   *
   * @throws InvalidStateException before CONNECTED, or after the transport ended
   * @throws InvalidAccessException if the packet with its SRTP tag exceeds 1500 bytes
   */
  public void writeRtp(RtpPacket packet) {
    requireConnected("writeRtp");
    media.writeRtp(Objects.requireNonNull(packet, "packet"));
  }

  /** {@link #writeRtp(RtpPacket)} from a header and a payload. */
  public void writeRtp(RtpHeader header, byte[] payload) {
    writeRtp(new RtpPacket(header, payload));
  }

  /**
   * Protects and sends an RTP packet already serialized in {@code buf[off..off+len)}; the array
   * is not changed.
   *
   * @throws InvalidAccessException if it does not parse as RTP or is too large
   */
  public void writeRtp(byte[] buf, int off, int len) {
    Objects.checkFromIndexSize(off, len, buf.length);
    requireConnected("writeRtp");
    media.writeRtp(buf, off, len);
  }

  /**
   * Sends {@code packets} as one SRTCP compound packet (put a report first, RFC 3550 §6.1).
   *
   * @throws InvalidStateException before CONNECTED, or after the transport ended
   * @throws InvalidAccessException for an empty list, or a compound over 1500 bytes
   */
  public void writeRtcp(List<? extends RtcpPacket> packets) {
    Objects.requireNonNull(packets, "packets");
    requireConnected("writeRtcp");
    media.writeRtcp(packets);
  }

  private void requireConnected(String operation) {
    if (!media.isReady() || state.get() != DtlsTransportState.CONNECTED) {
      throw new InvalidStateException(
          operation + " needs a CONNECTED DTLS transport (SRTP keyed); the state is " + state());
    }
  }

  /**
   * The decrypted RTP packets of one SSRC, from the subscription on, delivered on this
   * transport's media threads, in order, one call at a time (observe on another scheduler for
   * slow work: up to four readers may block at once without delaying the others). Each
   * subscriber has its own queue of {@link OrtcSettings#readQueueCapacity()} packets; a full
   * queue drops its oldest, counted in {@link MediaCounters#readerDrops()}. Completes when the
   * transport ends. The packets' payload arrays are shared between subscribers: do not modify them.
   *
   * @param ssrc the 32-bit SSRC as an unsigned value
   */
  public Flowable<RtpPacket> readRtp(long ssrc) {
    return media.rtp(ssrc);
  }

  /**
   * The decrypted RTP packets of every SSRC, from the subscription on, delivered as {@link
   * #readRtp(long)} delivers one SSRC's: for an application that learns its peer's SSRCs from
   * the media itself (the first packet of a new SSRC is not lost, as it would be between
   * {@link #unknownSsrcs()} and a new per-SSRC reader). A packet goes both to the readers of
   * its SSRC and to these; it counts as unrouted only when it reached neither.
   */
  public Flowable<RtpPacket> readRtp() {
    return media.rtp();
  }

  /** The decrypted RTCP packets one by one, as {@link #readRtp} delivers RTP. */
  public Flowable<RtcpPacket> readRtcp() {
    return media.rtcp();
  }

  /**
   * Each SSRC whose RTP arrived while nobody read it, once (again after a reader subscribed
   * and went), at most 1024 distinct ones; subscribe to {@link #readRtp} to get the following
   * packets. Delivered on a media thread; completes when the transport ends.
   */
  public Observable<Long> unknownSsrcs() {
    return media.unknownSsrcs();
  }

  /** What the media path sent, received and dropped, by reason. */
  public MediaCounters counters() {
    return media.counters(ice.demultiplexer().dropped() + packets.dropped());
  }

  @Override
  public String toString() {
    return "DtlsTransport[" + state() + ", role=" + role + "]";
  }

  /** The session's events, on its own thread. */
  private final class SessionEvents implements DtlsSessionListener {
    @Override
    public void onConnected(DtlsHandshakeResult handshake) {
      DtlsTransport.this.onConnected(handshake);
    }

    @Override
    public void onFailed(DtlsException e) {
      fail(reasonOf(e), e.getMessage(), e);
    }

    @Override
    public void onClosedByPeer() {
      closedByPeer();
    }
  }

  private static DtlsTransportFailure reasonOf(DtlsException e) {
    return switch (e.reason()) {
      case FINGERPRINT_MISMATCH -> DtlsTransportFailure.FINGERPRINT_MISMATCH;
      case CERTIFICATE_MISSING -> DtlsTransportFailure.CERTIFICATE_MISSING;
      case NO_COMMON_SRTP_PROFILE -> DtlsTransportFailure.NO_COMMON_SRTP_PROFILE;
      case NO_COMMON_CIPHER_SUITE -> DtlsTransportFailure.NO_COMMON_CIPHER_SUITE;
      case HANDSHAKE_TIMEOUT -> DtlsTransportFailure.HANDSHAKE_TIMEOUT;
      case ALERT_RECEIVED -> DtlsTransportFailure.ALERT_RECEIVED;
      case CLOSED_BY_PEER -> DtlsTransportFailure.CLOSED_BY_PEER;
      case CLOSED_LOCALLY -> DtlsTransportFailure.STOPPED;
      default -> DtlsTransportFailure.PROTOCOL_ERROR;
    };
  }
}
