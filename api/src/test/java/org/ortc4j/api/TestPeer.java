package org.ortc4j.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.ortc4j.ice.IceCandidatePair;
import org.ortc4j.ice.IceConnectionState;
import org.ortc4j.ice.IceGatheringState;
import org.ortc4j.ice.IceRole;

/**
 * One side of a test call: an API with loopback-only, short-timer settings, its gatherer, ICE
 * and DTLS transports, and recorders on their state streams. Real sockets on 127.0.0.1, real
 * ice4j, real BouncyCastle.
 */
final class TestPeer implements AutoCloseable {
  /** What every blocking wait in these tests allows. */
  static final Duration WAIT = Duration.ofSeconds(15);

  final String name;
  final OrtcApi api;
  final IceGatherer gatherer;
  final IceTransport ice;
  final DtlsTransport dtls;
  final StateRecorder<IceGatheringState> gathererStates;
  final StateRecorder<IceConnectionState> iceStates;
  final StateRecorder<DtlsTransportState> dtlsStates;

  TestPeer(String name, OrtcSettings settings) {
    this.name = name;
    this.api = OrtcApi.create(settings);
    this.gatherer = api.newIceGatherer(IceGatherOptions.hostOnly());
    this.ice = api.newIceTransport(gatherer);
    this.dtls = api.newDtlsTransport(ice);
    this.gathererStates = new StateRecorder<>(gatherer.states());
    this.iceStates = new StateRecorder<>(ice.states());
    this.dtlsStates = new StateRecorder<>(dtls.states());
  }

  TestPeer(String name) {
    this(name, settings().build());
  }

  /**
   * Loopback only; consent as ice4j is configured for this module's tests (surefire: checks
   * every 1 s), DISCONNECTED after 2.5 s, FAILED after 5 s; ICE and DTLS give up after 8 s.
   */
  static OrtcSettings.Builder settings() {
    return OrtcSettings.builder()
        .gatherAddresses(loopback())
        .iceConsent(Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5))
        .iceConnectTimeout(Duration.ofSeconds(8))
        .dtlsHandshakeTimeout(Duration.ofSeconds(8))
        .dtlsRoleConflictTimeout(Duration.ofSeconds(3));
  }

  static InetAddress loopback() {
    try {
      return InetAddress.getByName("127.0.0.1");
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Trickles this side's candidates (and end-of-candidates) to {@code remote}, then gathers. */
  void gatherTo(TestPeer remote) {
    gatherer.candidates().subscribe(remote.ice::addRemoteCandidate, e -> { },
        () -> {
          if (remote.ice.state() != IceConnectionState.CLOSED) {
            remote.ice.endOfRemoteCandidates();
          }
        });
    gatherer.gather();
  }

  /** The ORTC sequence up to starting ICE, asynchronously, in {@code role}. */
  CompletableFuture<IceCandidatePair> startIce(TestPeer remote, IceRole role) {
    return ice.startAsync(remote.gatherer.getLocalParameters(), role);
  }

  @Override
  public void close() {
    dtls.stop();
    ice.stop();
    gathererStates.close();
    iceStates.close();
    dtlsStates.close();
  }
}
