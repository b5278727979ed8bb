package org.ortc4j.ice;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of an {@link IceAgent}: immutable, validated at {@link Builder#build()}, shared
 * freely between threads and agents. Start from {@link #builder()} or change a copy with
 * {@link #newBuilder()}.
 *
 * <p>Defaults: no ICE servers, {@link IceGatherPolicy#ALL}, host candidates on every usable
 * non-loopback interface, ephemeral ports, 5 s STUN/TURN answer timeout, consent checks every
 * 5 s, disconnected after 10 s and failed after 30 s without consent, 30 s connect timeout,
 * 4 MiB receive buffers, no cloud-metadata probe.
 *
 * <p>Some settings are per JVM because ice4j reads its configuration once: {@link
 * #consentInterval()}, the retransmission schedule of consent checks (sized to cover {@link
 * #consentTimeout()}) and {@link #cloudMetadataProbe()} are taken from the first agent created
 * (or the first {@link IceAgent#prewarm(IceAgentConfig)}) in the JVM and ignored afterwards.
 * The DISCONNECTED and FAILED timeouts themselves apply per agent.
 */
public final class IceAgentConfig {
  private static final IceAgentConfig DEFAULT = new Builder().build();

  private final List<IceServer> iceServers;
  private final IceGatherPolicy gatherPolicy;
  private final List<InetAddress> hostAddresses;
  private final int minPort;
  private final int maxPort;
  private final Duration serverTimeout;
  private final Duration consentInterval;
  private final Duration disconnectedTimeout;
  private final Duration consentTimeout;
  private final Duration connectTimeout;
  private final boolean cloudMetadataProbe;
  private final int receiveBufferSize;
  private final Long tieBreaker;

  private IceAgentConfig(Builder b) {
    iceServers = List.copyOf(b.iceServers);
    gatherPolicy = b.gatherPolicy;
    hostAddresses = b.hostAddresses == null ? null : List.copyOf(b.hostAddresses);
    minPort = b.minPort;
    maxPort = b.maxPort;
    serverTimeout = b.serverTimeout;
    consentInterval = b.consentInterval;
    disconnectedTimeout = b.disconnectedTimeout;
    consentTimeout = b.consentTimeout;
    connectTimeout = b.connectTimeout;
    cloudMetadataProbe = b.cloudMetadataProbe;
    receiveBufferSize = b.receiveBufferSize;
    tieBreaker = b.tieBreaker;
  }

  /** The default settings. */
  public static IceAgentConfig defaults() {
    return DEFAULT;
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings. */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /** STUN and TURN servers to gather server-reflexive and relay candidates from; maybe empty. */
  public List<IceServer> iceServers() {
    return iceServers;
  }

  /** Which candidates are gathered and paired. */
  public IceGatherPolicy gatherPolicy() {
    return gatherPolicy;
  }

  /**
   * The addresses host candidates are bound to, or empty for the default (every address of
   * every interface that is up, not loopback and not link-local, found at {@code gather()}).
   */
  public Optional<List<InetAddress>> hostAddresses() {
    return Optional.ofNullable(hostAddresses);
  }

  /** The lowest local UDP port to bind, or 0 with {@link #maxPort()} 0 for ephemeral ports. */
  public int minPort() {
    return minPort;
  }

  /** The highest local UDP port to bind, or 0 for ephemeral ports. */
  public int maxPort() {
    return maxPort;
  }

  /**
   * How long a STUN or TURN server may take to answer (for TURN over TCP, including the TCP
   * connect) before its part of gathering ends.
   */
  public Duration serverTimeout() {
    return serverTimeout;
  }

  /**
   * The interval between consent checks on the selected pair (RFC 7675). Per JVM: see above;
   * ice4j's check retransmissions are also sized per JVM from the first agent's consent
   * timeout.
   */
  public Duration consentInterval() {
    return consentInterval;
  }

  /** How long without a consent answer before the state becomes DISCONNECTED. */
  public Duration disconnectedTimeout() {
    return disconnectedTimeout;
  }

  /** How long without a consent answer before consent expires and the state becomes FAILED. */
  public Duration consentTimeout() {
    return consentTimeout;
  }

  /** How long after {@code start} a pair must be selected before the state becomes FAILED. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /**
   * Whether ice4j may probe the cloud-metadata address 169.254.169.254 to learn a public
   * address. Off by default: it sends traffic nobody configured. Per JVM: see above.
   */
  public boolean cloudMetadataProbe() {
    return cloudMetadataProbe;
  }

  /** The SO_RCVBUF requested for each host socket, in bytes (the OS may grant less). */
  public int receiveBufferSize() {
    return receiveBufferSize;
  }

  /** A fixed ICE tie-breaker for tests, or empty for a random one. */
  public Optional<Long> tieBreaker() {
    return Optional.ofNullable(tieBreaker);
  }

  /** Builds {@link IceAgentConfig}s; not thread-safe. */
  public static final class Builder {
    private final List<IceServer> iceServers = new ArrayList<>();
    private IceGatherPolicy gatherPolicy = IceGatherPolicy.ALL;
    private List<InetAddress> hostAddresses;
    private int minPort;
    private int maxPort;
    private Duration serverTimeout = Duration.ofSeconds(5);
    private Duration consentInterval = Duration.ofSeconds(5);
    private Duration disconnectedTimeout = Duration.ofSeconds(10);
    private Duration consentTimeout = Duration.ofSeconds(30);
    private Duration connectTimeout = Duration.ofSeconds(30);
    private boolean cloudMetadataProbe;
    private int receiveBufferSize = 4 << 20;
    private Long tieBreaker;

    private Builder() {}

    private Builder(IceAgentConfig c) {
      iceServers.addAll(c.iceServers);
      gatherPolicy = c.gatherPolicy;
      hostAddresses = c.hostAddresses;
      minPort = c.minPort;
      maxPort = c.maxPort;
      serverTimeout = c.serverTimeout;
      consentInterval = c.consentInterval;
      disconnectedTimeout = c.disconnectedTimeout;
      consentTimeout = c.consentTimeout;
      connectTimeout = c.connectTimeout;
      cloudMetadataProbe = c.cloudMetadataProbe;
      receiveBufferSize = c.receiveBufferSize;
      tieBreaker = c.tieBreaker;
    }

    /** Replaces the ICE servers. */
    public Builder iceServers(List<IceServer> servers) {
      iceServers.clear();
      iceServers.addAll(List.copyOf(servers));
      return this;
    }

    /** Adds one ICE server. */
    public Builder addIceServer(IceServer server) {
      iceServers.add(Objects.requireNonNull(server, "server"));
      return this;
    }

    /** Sets the gather policy. */
    public Builder gatherPolicy(IceGatherPolicy policy) {
      gatherPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** Binds host candidates to exactly these addresses (at least one). */
    public Builder hostAddresses(List<InetAddress> addresses) {
      if (addresses.isEmpty()) {
        throw new IllegalArgumentException("hostAddresses needs at least one address");
      }
      hostAddresses = List.copyOf(addresses);
      return this;
    }

    /** Binds host candidates to exactly these addresses (at least one). */
    public Builder addresses(InetAddress... addresses) {
      return hostAddresses(List.of(addresses));
    }

    /** Binds host candidates to 127.0.0.1 and ::1 only. */
    public Builder loopbackOnly() {
      try {
        return addresses(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1"));
      } catch (UnknownHostException e) {
        throw new IllegalStateException("literal addresses never need a lookup", e);
      }
    }

    /** Restores the default host addresses (all usable non-loopback interfaces). */
    public Builder allInterfaces() {
      hostAddresses = null;
      return this;
    }

    /** Binds host sockets within {@code [min, max]}; {@code (0, 0)} means ephemeral ports. */
    public Builder portRange(int min, int max) {
      boolean ephemeral = min == 0 && max == 0;
      if (!ephemeral && (min < 1 || max > 65535 || min > max)) {
        throw new IllegalArgumentException(
            "port range must be 1 <= min <= max <= 65535 or (0, 0), got " + min + ".." + max);
      }
      minPort = min;
      maxPort = max;
      return this;
    }

    /** Sets the STUN/TURN answer timeout. */
    public Builder serverTimeout(Duration timeout) {
      serverTimeout = positive(timeout, "serverTimeout");
      return this;
    }

    /** Sets the consent check interval (per JVM: see the class comment). */
    public Builder consentInterval(Duration interval) {
      consentInterval = positive(interval, "consentInterval");
      return this;
    }

    /** Sets how long without consent before DISCONNECTED. */
    public Builder disconnectedTimeout(Duration timeout) {
      disconnectedTimeout = positive(timeout, "disconnectedTimeout");
      return this;
    }

    /** Sets how long without consent before FAILED. */
    public Builder consentTimeout(Duration timeout) {
      consentTimeout = positive(timeout, "consentTimeout");
      return this;
    }

    /** Sets how long checks may run without a selected pair before FAILED. */
    public Builder connectTimeout(Duration timeout) {
      connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /** Allows ice4j's cloud-metadata probe (per JVM: see the class comment). */
    public Builder cloudMetadataProbe(boolean enabled) {
      cloudMetadataProbe = enabled;
      return this;
    }

    /** Sets the SO_RCVBUF requested for host sockets, 64 KiB to 64 MiB. */
    public Builder receiveBufferSize(int bytes) {
      if (bytes < (64 << 10) || bytes > (64 << 20)) {
        throw new IllegalArgumentException("receiveBufferSize must be 64 KiB to 64 MiB: " + bytes);
      }
      receiveBufferSize = bytes;
      return this;
    }

    /** Fixes the ICE tie-breaker (tests of role conflicts); must not be negative. */
    public Builder tieBreaker(long value) {
      if (value < 0) {
        throw new IllegalArgumentException("tieBreaker must not be negative: " + value);
      }
      tieBreaker = value;
      return this;
    }

    /**
     * Builds the settings.
     *
     * @throws IllegalArgumentException if disconnectedTimeout is not shorter than consentTimeout
     */
    public IceAgentConfig build() {
      if (disconnectedTimeout.compareTo(consentTimeout) >= 0) {
        throw new IllegalArgumentException("disconnectedTimeout (" + disconnectedTimeout
            + ") must be shorter than consentTimeout (" + consentTimeout + ")");
      }
      return new IceAgentConfig(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, got " + d);
      }
      return d;
    }
  }
}
