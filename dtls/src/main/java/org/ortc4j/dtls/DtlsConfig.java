package org.ortc4j.dtls;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.ortc4j.srtp.SrtpProfile;

/**
 * The settings of a {@link DtlsSession}: immutable, validated when built, safe to share.
 *
 * <pre>{@code
 * DtlsConfig config = DtlsConfig.builder()
 *     .certificate(DtlsCertificate.generate())
 *     .remoteFingerprint(CertificateFingerprint.parse("sha-256 AB:CD:..."))
 *     .build();
 * }</pre>
 *
 * <p>The remote certificate is always verified against {@link #remoteFingerprints()}; there
 * is no way to turn that off. SRTP keying (use_srtp) is negotiated unless {@link
 * Builder#withoutSrtp()} asks for plain DTLS.
 */
public final class DtlsConfig {
  /** The SRTP profiles offered (as client) or accepted (as server) by default, in order. */
  public static final List<SrtpProfile> DEFAULT_SRTP_PROFILES = List.of(
      SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AEAD_AES_256_GCM,
      SrtpProfile.AES128_CM_HMAC_SHA1_80, SrtpProfile.AES128_CM_HMAC_SHA1_32);
  /** The default wait before the first retransmission of a flight: 1 s (RFC 6347 §4.2.4.1). */
  public static final Duration DEFAULT_INITIAL_RETRANSMIT_INTERVAL = Duration.ofSeconds(1);
  /** The default limit on a whole handshake: 30 s. */
  public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(30);
  /** The default largest datagram sent: 1200 bytes, safe on every path WebRTC runs over. */
  public static final int DEFAULT_MTU = 1200;
  /** The smallest MTU accepted: handshake messages are fragmented to fit. */
  public static final int MIN_MTU = 128;

  private final DtlsCertificate certificate;
  private final List<CertificateFingerprint> remoteFingerprints;
  private final List<SrtpProfile> srtpProfiles;
  private final Duration initialRetransmitInterval;
  private final Duration handshakeTimeout;
  private final Duration maxRetransmitInterval;
  private final int mtu;

  private DtlsConfig(Builder builder) {
    this.certificate = Objects.requireNonNull(builder.certificate, "certificate");
    this.remoteFingerprints = List.copyOf(builder.remoteFingerprints);
    this.srtpProfiles = List.copyOf(builder.srtpProfiles);
    this.initialRetransmitInterval = builder.initialRetransmitInterval;
    this.handshakeTimeout = builder.handshakeTimeout;
    this.maxRetransmitInterval = builder.maxRetransmitInterval;
    this.mtu = builder.mtu;
    validate();
  }

  /** A builder with the defaults; certificate and remote fingerprints must be set. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this configuration's values, to derive a changed copy. */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /** The local certificate and key. */
  public DtlsCertificate certificate() {
    return certificate;
  }

  /** The fingerprints the remote certificate may have; any one matching passes. Never empty. */
  public List<CertificateFingerprint> remoteFingerprints() {
    return remoteFingerprints;
  }

  /**
   * The SRTP profiles in preference order: offered in this order as client, chosen by this
   * order as server. Empty when SRTP is off ({@link Builder#withoutSrtp()}).
   */
  public List<SrtpProfile> srtpProfiles() {
    return srtpProfiles;
  }

  /** Whether use_srtp is negotiated (and required). */
  public boolean srtpEnabled() {
    return !srtpProfiles.isEmpty();
  }

  /** The wait before the first retransmission of a flight; it doubles up to 60 s. */
  public Duration initialRetransmitInterval() {
    return initialRetransmitInterval;
  }

  /** The longest silence before the last flight is sent again; zero when off. */
  public Duration maxRetransmitInterval() {
    return maxRetransmitInterval;
  }

  /** The limit on the whole handshake, from start to connected. */
  public Duration handshakeTimeout() {
    return handshakeTimeout;
  }

  /** The largest datagram the session sends, in bytes; larger handshake messages fragment. */
  public int mtu() {
    return mtu;
  }

  private void validate() {
    if (remoteFingerprints.isEmpty()) {
      throw new IllegalArgumentException(
          "remoteFingerprints is empty: the remote certificate must be verified");
    }
    if (Set.copyOf(srtpProfiles).size() != srtpProfiles.size()) {
      throw new IllegalArgumentException("srtpProfiles has duplicates: " + srtpProfiles);
    }
    requirePositive(initialRetransmitInterval, "initialRetransmitInterval");
    requirePositive(handshakeTimeout, "handshakeTimeout");
    if (!maxRetransmitInterval.isZero()) {
      requirePositive(maxRetransmitInterval, "maxRetransmitInterval");
    }
    if (mtu < MIN_MTU || mtu > UdpPacketTransport.MAX_UDP_PAYLOAD) {
      throw new IllegalArgumentException("mtu must be in [" + MIN_MTU + ", "
          + UdpPacketTransport.MAX_UDP_PAYLOAD + "], got " + mtu);
    }
  }

  private static void requirePositive(Duration duration, String name) {
    if (duration.toMillis() < 1 || duration.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(name + " must be 1 ms to ~24 days, got " + duration);
    }
  }

  @Override
  public String toString() {
    return "DtlsConfig[certificate=" + certificate + ", remoteFingerprints=" + remoteFingerprints
        + ", srtpProfiles=" + srtpProfiles + ", initialRetransmitInterval="
        + initialRetransmitInterval + ", maxRetransmitInterval=" + maxRetransmitInterval
        + ", handshakeTimeout=" + handshakeTimeout + ", mtu=" + mtu
        + "]";
  }

  /** Collects settings for a {@link DtlsConfig}; not thread-safe. */
  public static final class Builder {
    private DtlsCertificate certificate;
    private final List<CertificateFingerprint> remoteFingerprints = new ArrayList<>();
    private List<SrtpProfile> srtpProfiles = DEFAULT_SRTP_PROFILES;
    private Duration initialRetransmitInterval = DEFAULT_INITIAL_RETRANSMIT_INTERVAL;
    private Duration handshakeTimeout = DEFAULT_HANDSHAKE_TIMEOUT;
    private Duration maxRetransmitInterval = Duration.ZERO;
    private int mtu = DEFAULT_MTU;

    private Builder() {}

    private Builder(DtlsConfig config) {
      this.certificate = config.certificate;
      this.remoteFingerprints.addAll(config.remoteFingerprints);
      this.srtpProfiles = config.srtpProfiles;
      this.initialRetransmitInterval = config.initialRetransmitInterval;
      this.handshakeTimeout = config.handshakeTimeout;
      this.maxRetransmitInterval = config.maxRetransmitInterval;
      this.mtu = config.mtu;
    }

    /** The local certificate and key (required). */
    public Builder certificate(DtlsCertificate certificate) {
      this.certificate = Objects.requireNonNull(certificate, "certificate");
      return this;
    }

    /** Replaces the expected remote fingerprints (at least one is required by build()). */
    public Builder remoteFingerprints(List<CertificateFingerprint> fingerprints) {
      Objects.requireNonNull(fingerprints, "fingerprints");
      List<CertificateFingerprint> copy = List.copyOf(fingerprints);
      remoteFingerprints.clear();
      remoteFingerprints.addAll(copy);
      return this;
    }

    /** Adds one expected remote fingerprint. */
    public Builder remoteFingerprint(CertificateFingerprint fingerprint) {
      remoteFingerprints.add(Objects.requireNonNull(fingerprint, "fingerprint"));
      return this;
    }

    /**
     * The SRTP profiles in preference order (non-empty, no duplicates); this also turns SRTP
     * back on after {@link #withoutSrtp()}.
     */
    public Builder srtpProfiles(List<SrtpProfile> profiles) {
      Objects.requireNonNull(profiles, "profiles");
      if (profiles.isEmpty()) {
        throw new IllegalArgumentException("srtpProfiles is empty: use withoutSrtp() instead");
      }
      this.srtpProfiles = List.copyOf(profiles);
      return this;
    }

    /** The SRTP profiles in preference order; see {@link #srtpProfiles(List)}. */
    public Builder srtpProfiles(SrtpProfile... profiles) {
      return srtpProfiles(List.of(profiles));
    }

    /**
     * Plain DTLS: neither offer nor accept use_srtp, and export no SRTP keys. Only for
     * non-media uses (e.g. a data channel alone); WebRTC media needs SRTP.
     */
    public Builder withoutSrtp() {
      this.srtpProfiles = List.of();
      return this;
    }

    /** The wait before the first retransmission (default 1 s); doubles on each resend. */
    public Builder initialRetransmitInterval(Duration interval) {
      this.initialRetransmitInterval = Objects.requireNonNull(interval, "interval");
      return this;
    }

    /**
     * The longest silence after which this side sends its last flight again during the
     * handshake (default zero: off). BouncyCastle doubles its resend interval after each
     * unanswered resend, up to 60 s, as RFC 6347 §4.2.4.1 allows; on a path that loses many
     * datagrams the later resends come so seldom that a handshake can outlast its timeout. With
     * a limit, the datagrams of the flight last sent are sent again, unchanged, whenever nothing
     * has been received for this long (the peer discards copies it already has).
     *
     * @param interval zero for BouncyCastle's own schedule only, else 1 ms or more
     */
    public Builder maxRetransmitInterval(Duration interval) {
      this.maxRetransmitInterval = Objects.requireNonNull(interval, "interval");
      return this;
    }

    /** The limit on the whole handshake (default 30 s). */
    public Builder handshakeTimeout(Duration timeout) {
      this.handshakeTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** The largest datagram sent, in bytes (default 1200, at least {@value DtlsConfig#MIN_MTU}). */
    public Builder mtu(int mtu) {
      this.mtu = mtu;
      return this;
    }

    /**
     * The configuration.
     *
     * @throws NullPointerException if no certificate was set
     * @throws IllegalArgumentException if no remote fingerprint was set, or a value is out of
     *     range
     */
    public DtlsConfig build() {
      return new DtlsConfig(this);
    }
  }
}
