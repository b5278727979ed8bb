package org.ortc4j.api;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.ortc4j.dtls.CertificateKeyType;
import org.ortc4j.dtls.DtlsCertificate;
import org.ortc4j.dtls.DtlsConfig;
import org.ortc4j.ice.IceAgentConfig;
import org.ortc4j.srtp.SrtpOptions;
import org.ortc4j.srtp.SrtpProfile;

/**
 * Every knob of the ORTC objects, immutable and validated: Pion's {@code SettingEngine} in the
 * shape of OkHttp's client ({@link #builder()}, {@link #newBuilder()} to derive a copy).
 * Objects take it from the {@link OrtcApi} that creates them.
 *
 * <p>Defaults: ICE connect timeout 30 s, consent checks every 5 s, DISCONNECTED after 10 s and
 * FAILED after 30 s without consent; host candidates on every interface but loopback, any port;
 * DTLS handshake timeout 30 s, first retransmission after 1 s, MTU 1200, role by the role rule,
 * role conflict assumed after 10 s without a ClientHello (server) or any reply (client); SRTP
 * profiles AEAD_AES_128_GCM, AEAD_AES_256_GCM, AES128_CM_HMAC_SHA1_80, AES128_CM_HMAC_SHA1_32
 * (in that order of preference); replay windows 64 packets;
 * certificates ECDSA P-256 valid 30 days; 2048 packets queued per reader.
 */
public final class OrtcSettings {
  private static final OrtcSettings DEFAULTS = builder().build();

  private final IceAgentConfig ice;
  private final Duration dtlsHandshakeTimeout;
  private final Duration dtlsRetransmitInterval;
  private final Duration dtlsMaxRetransmitInterval;
  private final Duration dtlsRoleConflictTimeout;
  private final int dtlsMtu;
  private final DtlsTransportRole dtlsRole;
  private final List<SrtpProfile> srtpProfiles;
  private final SrtpOptions srtpOptions;
  private final CertificateKeyType certificateKeyType;
  private final Duration certificateValidity;
  private final int readQueueCapacity;
  private final int earlyPacketLimit;

  private OrtcSettings(Builder b) {
    this.ice = b.ice.build();
    this.dtlsHandshakeTimeout = positive(b.dtlsHandshakeTimeout, "dtlsHandshakeTimeout");
    this.dtlsRetransmitInterval = positive(b.dtlsRetransmitInterval, "dtlsRetransmitInterval");
    this.dtlsMaxRetransmitInterval = b.dtlsMaxRetransmitInterval.isZero()
        ? Duration.ZERO : positive(b.dtlsMaxRetransmitInterval, "dtlsMaxRetransmitInterval");
    this.dtlsRoleConflictTimeout = positive(b.dtlsRoleConflictTimeout, "dtlsRoleConflictTimeout");
    this.dtlsMtu = inRange(b.dtlsMtu, DtlsConfig.MIN_MTU, 1472, "dtlsMtu");
    this.dtlsRole = b.dtlsRole;
    this.srtpProfiles = List.copyOf(b.srtpProfiles);
    if (srtpProfiles.isEmpty() || Set.copyOf(srtpProfiles).size() != srtpProfiles.size()) {
      throw new IllegalArgumentException("srtpProfiles must be non-empty, without duplicates: "
          + srtpProfiles);
    }
    this.srtpOptions = b.srtp.build();
    this.certificateKeyType = b.certificateKeyType;
    if (b.certificateValidity.isNegative() || b.certificateValidity.isZero()) {
      throw new IllegalArgumentException("certificateValidity must be positive, got "
          + b.certificateValidity);
    }
    this.certificateValidity = b.certificateValidity;
    this.readQueueCapacity = inRange(b.readQueueCapacity, 1, 1 << 16, "readQueueCapacity");
    this.earlyPacketLimit = inRange(b.earlyPacketLimit, 0, 4096, "earlyPacketLimit");
  }

  /** The defaults (see the class comment). */
  public static OrtcSettings defaults() {
    return DEFAULTS;
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings, to derive a changed copy. */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /**
   * The ICE agent settings (addresses, ports, timers) without servers or policy, which come
   * from {@link IceGatherOptions}. Note that ice4j fixes its consent timing once per JVM.
   */
  public IceAgentConfig iceConfig() {
    return ice;
  }

  /** How long ICE may look for a working pair before the transport fails. */
  public Duration iceConnectTimeout() {
    return ice.connectTimeout();
  }

  /** The limit on one DTLS handshake. */
  public Duration dtlsHandshakeTimeout() {
    return dtlsHandshakeTimeout;
  }

  /** The wait before the first DTLS retransmission; it doubles on each resend. */
  public Duration dtlsRetransmitInterval() {
    return dtlsRetransmitInterval;
  }

  /** The longest DTLS handshake silence before the last flight is sent again; zero when off. */
  public Duration dtlsMaxRetransmitInterval() {
    return dtlsMaxRetransmitInterval;
  }

  /**
   * How long a DTLS server waits for a ClientHello, and a DTLS client for any reply, after the
   * handshake began before it reports {@link DtlsTransportFailure#ROLE_CONFLICT} (both sides
   * took the same role; two clients usually see each other's ClientHello at once).
   */
  public Duration dtlsRoleConflictTimeout() {
    return dtlsRoleConflictTimeout;
  }

  /** The largest DTLS datagram sent. */
  public int dtlsMtu() {
    return dtlsMtu;
  }

  /** The local DTLS role: {@link DtlsTransportRole#AUTO} (the role rule) unless fixed. */
  public DtlsTransportRole dtlsRole() {
    return dtlsRole;
  }

  /** The SRTP profiles offered (client) or accepted (server), most preferred first. */
  public List<SrtpProfile> srtpProfiles() {
    return srtpProfiles;
  }

  /** Replay windows and stream limits of the SRTP/SRTCP contexts. */
  public SrtpOptions srtpOptions() {
    return srtpOptions;
  }

  /** The key type of certificates the API generates. */
  public CertificateKeyType certificateKeyType() {
    return certificateKeyType;
  }

  /** How long generated certificates are valid. */
  public Duration certificateValidity() {
    return certificateValidity;
  }

  /**
   * How many decrypted packets wait for each reader (one RTP stream, or the RTCP stream)
   * before new ones are dropped and counted.
   */
  public int readQueueCapacity() {
    return readQueueCapacity;
  }

  /**
   * How many datagrams wait before the DTLS transport exists (DTLS) or before SRTP is keyed
   * (media); later ones are dropped and counted.
   */
  public int earlyPacketLimit() {
    return earlyPacketLimit;
  }

  private static Duration positive(Duration d, String name) {
    // compared as Durations: toMillis() overflows (ArithmeticException) for huge values
    if (d.compareTo(Duration.ofMillis(1)) < 0
        || d.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
      throw new IllegalArgumentException(name + " must be 1 ms to ~24 days, got " + d);
    }
    return d;
  }

  private static int inRange(int value, int min, int max, String name) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be in [" + min + ", " + max + "], got " + value);
    }
    return value;
  }

  @Override
  public String toString() {
    return "OrtcSettings[ice=" + ice + ", dtlsHandshakeTimeout=" + dtlsHandshakeTimeout
        + ", dtlsRetransmitInterval=" + dtlsRetransmitInterval + ", dtlsMaxRetransmitInterval="
        + dtlsMaxRetransmitInterval + ", dtlsRoleConflictTimeout="
        + dtlsRoleConflictTimeout + ", dtlsMtu=" + dtlsMtu + ", dtlsRole=" + dtlsRole
        + ", srtpProfiles=" + srtpProfiles + ", srtpOptions=" + srtpOptions
        + ", certificateKeyType=" + certificateKeyType + ", certificateValidity="
        + certificateValidity + ", readQueueCapacity=" + readQueueCapacity
        + ", earlyPacketLimit=" + earlyPacketLimit + "]";
  }

  /** Collects settings; not thread-safe. Values are checked by {@link #build()}. */
  public static final class Builder {
    private IceAgentConfig.Builder ice = IceAgentConfig.builder();
    private Duration dtlsHandshakeTimeout = DtlsConfig.DEFAULT_HANDSHAKE_TIMEOUT;
    private Duration dtlsRetransmitInterval = DtlsConfig.DEFAULT_INITIAL_RETRANSMIT_INTERVAL;
    private Duration dtlsMaxRetransmitInterval = Duration.ZERO;
    private Duration dtlsRoleConflictTimeout = Duration.ofSeconds(10);
    private int dtlsMtu = DtlsConfig.DEFAULT_MTU;
    private DtlsTransportRole dtlsRole = DtlsTransportRole.AUTO;
    private List<SrtpProfile> srtpProfiles = DtlsConfig.DEFAULT_SRTP_PROFILES;
    private SrtpOptions.Builder srtp = SrtpOptions.builder();
    private CertificateKeyType certificateKeyType = CertificateKeyType.ECDSA_P256;
    private Duration certificateValidity = DtlsCertificate.DEFAULT_VALIDITY;
    // 256 lost packets at 50k packets/s when the 2-core bench machine stalled a reader ~5 ms;
    // 2048 (~40 ms, ~2.6 MB of 1200-byte packets per reader) was lossless in every run
    private int readQueueCapacity = 2048;
    private int earlyPacketLimit = 64;

    private Builder() {}

    private Builder(OrtcSettings s) {
      ice = s.ice.newBuilder();
      dtlsHandshakeTimeout = s.dtlsHandshakeTimeout;
      dtlsRetransmitInterval = s.dtlsRetransmitInterval;
      dtlsMaxRetransmitInterval = s.dtlsMaxRetransmitInterval;
      dtlsRoleConflictTimeout = s.dtlsRoleConflictTimeout;
      dtlsMtu = s.dtlsMtu;
      dtlsRole = s.dtlsRole;
      srtpProfiles = s.srtpProfiles;
      srtp = s.srtpOptions.newBuilder();
      certificateKeyType = s.certificateKeyType;
      certificateValidity = s.certificateValidity;
      readQueueCapacity = s.readQueueCapacity;
      earlyPacketLimit = s.earlyPacketLimit;
    }

    /**
     * Replaces every ICE setting at once, for knobs this builder does not name (receive buffer,
     * tie-breaker, STUN timeout). Servers and policy in it are ignored: they come from {@link
     * IceGatherOptions}.
     */
    public Builder iceConfig(IceAgentConfig config) {
      this.ice = config.newBuilder();
      return this;
    }

    /** Gather host candidates on these addresses only (e.g. 127.0.0.1 or ::1 in tests). */
    public Builder gatherAddresses(InetAddress... addresses) {
      ice.addresses(addresses);
      return this;
    }

    /** Gather host candidates on these addresses only. */
    public Builder gatherAddresses(List<InetAddress> addresses) {
      ice.hostAddresses(addresses);
      return this;
    }

    /** Gather host candidates on 127.0.0.1 only. */
    public Builder loopbackOnly() {
      ice.loopbackOnly();
      return this;
    }

    /** Bind host candidates to ports in [min, max] (both 0: any port). */
    public Builder portRange(int min, int max) {
      ice.portRange(min, max);
      return this;
    }

    /** How long ICE may look for a working pair (default 30 s). */
    public Builder iceConnectTimeout(Duration timeout) {
      ice.connectTimeout(timeout);
      return this;
    }

    /**
     * Consent freshness (RFC 7675): checks every {@code interval} (default 5 s; ice4j reads it
     * once per JVM), DISCONNECTED after {@code disconnectedTimeout} without an answer (10 s),
     * FAILED after {@code consentTimeout} (30 s).
     */
    public Builder iceConsent(Duration interval, Duration disconnectedTimeout,
        Duration consentTimeout) {
      ice.consentInterval(interval).disconnectedTimeout(disconnectedTimeout)
          .consentTimeout(consentTimeout);
      return this;
    }

    /** The limit on one DTLS handshake (default 30 s). */
    public Builder dtlsHandshakeTimeout(Duration timeout) {
      this.dtlsHandshakeTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** The wait before the first DTLS retransmission (default 1 s). */
    public Builder dtlsRetransmitInterval(Duration interval) {
      this.dtlsRetransmitInterval = Objects.requireNonNull(interval, "interval");
      return this;
    }

    /**
     * Caps the DTLS resend interval on lossy paths (default zero: off, BouncyCastle doubling
     * up to 60 s alone): during the handshake, after this long without any datagram from the
     * peer the last flight is sent again. 1 s suits a path that loses a third of its packets;
     * see {@code DtlsConfig.Builder#maxRetransmitInterval}.
     */
    public Builder dtlsMaxRetransmitInterval(Duration interval) {
      this.dtlsMaxRetransmitInterval = Objects.requireNonNull(interval, "interval");
      return this;
    }

    /**
     * How long a DTLS server waits for a ClientHello, or a client for any reply, before
     * reporting a role conflict (10 s).
     */
    public Builder dtlsRoleConflictTimeout(Duration timeout) {
      this.dtlsRoleConflictTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** The largest DTLS datagram sent (default 1200). */
    public Builder dtlsMtu(int mtu) {
      this.dtlsMtu = mtu;
      return this;
    }

    /**
     * Fixes the local DTLS role (default {@link DtlsTransportRole#AUTO}: the role rule). A fixed
     * role is also what {@link DtlsTransport#getLocalParameters()} signals.
     */
    public Builder dtlsRole(DtlsTransportRole role) {
      this.dtlsRole = Objects.requireNonNull(role, "role");
      return this;
    }

    /** The SRTP profiles to offer or accept, most preferred first. */
    public Builder srtpProfiles(SrtpProfile... profiles) {
      this.srtpProfiles = List.of(profiles);
      return this;
    }

    /** The SRTP profiles to offer or accept, most preferred first. */
    public Builder srtpProfiles(List<SrtpProfile> profiles) {
      this.srtpProfiles = List.copyOf(profiles);
      return this;
    }

    /** The SRTP replay window in packets (64 to 32768, default 64; libwebrtc uses 1024). */
    public Builder srtpReplayWindow(int packets) {
      srtp.rtpReplayWindow(packets);
      return this;
    }

    /** The SRTCP replay window in packets (64 to 32768, default 64). */
    public Builder srtcpReplayWindow(int packets) {
      srtp.rtcpReplayWindow(packets);
      return this;
    }

    /** How many SSRCs each SRTP context tracks (default 1024): a bound against forged floods. */
    public Builder srtpMaxStreams(int streams) {
      srtp.maxStreams(streams);
      return this;
    }

    /** The key type of generated certificates (default ECDSA P-256). */
    public Builder certificateKeyType(CertificateKeyType type) {
      this.certificateKeyType = Objects.requireNonNull(type, "type");
      return this;
    }

    /** The validity of generated certificates (default 30 days). */
    public Builder certificateValidity(Duration validity) {
      this.certificateValidity = Objects.requireNonNull(validity, "validity");
      return this;
    }

    /** Packets queued per reader before drops (default 2048). */
    public Builder readQueueCapacity(int packets) {
      this.readQueueCapacity = packets;
      return this;
    }

    /** Datagrams held before the DTLS transport exists or SRTP is keyed (default 64). */
    public Builder earlyPacketLimit(int packets) {
      this.earlyPacketLimit = packets;
      return this;
    }

    /**
     * The settings.
     *
     * @throws IllegalArgumentException naming the first value out of range
     */
    public OrtcSettings build() {
      return new OrtcSettings(this);
    }
  }
}
