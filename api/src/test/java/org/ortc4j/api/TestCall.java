package org.ortc4j.api;

import java.util.concurrent.CompletableFuture;
import org.ortc4j.ice.IceConnectionState;
import org.ortc4j.ice.IceRole;

/** Two {@link TestPeer}s wired to each other, as Pion's ortc example does over its signal. */
final class TestCall implements AutoCloseable {
  final TestPeer controlling;
  final TestPeer controlled;

  TestCall(OrtcSettings controllingSettings, OrtcSettings controlledSettings) {
    controlling = new TestPeer("controlling", controllingSettings);
    controlled = new TestPeer("controlled", controlledSettings);
  }

  TestCall() {
    this(TestPeer.settings().build(), TestPeer.settings().build());
  }

  /** Gathers, trickles, starts ICE on both sides; returns both DTLS starts. */
  CompletableFuture<Void> connect() {
    return connect(controlled.dtls.getLocalParameters(), controlling.dtls.getLocalParameters());
  }

  /**
   * As {@link #connect()}, with the parameters each side is told of the other (to forge them).
   *
   * @param toControlling what the controlling side receives as the controlled side's DTLS
   * @param toControlled what the controlled side receives as the controlling side's DTLS
   */
  CompletableFuture<Void> connect(DtlsParameters toControlling, DtlsParameters toControlled) {
    return connect(controlling, controlled, toControlling, toControlled);
  }

  /**
   * The ORTC sequence between any two peers, {@code iceControlling} taking the ICE controlling
   * role (to run a call with the roles the other way round).
   */
  static CompletableFuture<Void> connect(TestPeer iceControlling, TestPeer iceControlled,
      DtlsParameters toControlling, DtlsParameters toControlled) {
    connectIce(iceControlling, iceControlled);
    CompletableFuture<Void> a = iceControlling.dtls.startAsync(toControlling);
    CompletableFuture<Void> b = iceControlled.dtls.startAsync(toControlled);
    return CompletableFuture.allOf(a, b).whenComplete((done, failure) -> {
      if (failure != null && (iceControlling.ice.state() == IceConnectionState.FAILED
          || iceControlled.ice.state() == IceConnectionState.FAILED)) {
        // ICE on loopback should not fail; what the log needs to tell why, if it ever does
        System.err.println("TestCall: ICE failed while connecting: " + describe(iceControlling)
            + "; " + describe(iceControlled));
      }
    });
  }

  private static String describe(TestPeer peer) {
    return peer.name + " ICE " + peer.iceStates.values() + " " + peer.ice.failureCause()
        + ", role " + peer.ice.role() + ", local " + peer.gatherer.getLocalCandidates()
        + ", selected " + peer.ice.selectedPair() + ", DTLS " + peer.dtlsStates.values();
  }

  /** Gathers, trickles and starts ICE on both sides; returns both ICE starts. */
  static CompletableFuture<Void> connectIce(TestPeer iceControlling, TestPeer iceControlled) {
    iceControlling.gatherTo(iceControlled);
    iceControlled.gatherTo(iceControlling);
    return CompletableFuture.allOf(iceControlling.startIce(iceControlled, IceRole.CONTROLLING),
        iceControlled.startIce(iceControlling, IceRole.CONTROLLED));
  }

  @Override
  public void close() {
    controlled.close();
    controlling.close();
  }
}
