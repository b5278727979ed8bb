package org.ortc4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ortc4j.ice.IceConnectionState;
import org.ortc4j.ice.IceGatheringState;
import org.ortc4j.ice.IceRole;

/**
 * API misuse gets the W3C-named exception at once and changes nothing: no state change, no
 * packet on the wire.
 */
class MisuseTest {
  private final TestCall call = new TestCall();
  private final TestPeer a = call.controlling;
  private final TestPeer b = call.controlled;

  @AfterEach
  void close() {
    call.close();
  }

  @Test
  void startingTwiceIsAnInvalidState() throws Exception {
    TestCall.connectIce(a, b);
    a.dtls.startAsync(b.dtls.getLocalParameters());

    assertThatThrownBy(() -> a.ice.startAsync(b.ice.getLocalParameters(), IceRole.CONTROLLING))
        .isInstanceOf(InvalidStateException.class);
    assertThatThrownBy(() -> a.dtls.startAsync(b.dtls.getLocalParameters()))
        .isInstanceOf(InvalidStateException.class);
    // the first starts go on undisturbed
    b.dtls.startAsync(a.dtls.getLocalParameters());
    assertThat(a.dtlsStates.await(DtlsTransportState.CONNECTED, TestPeer.WAIT)).isTrue();
    assertThat(a.dtlsStates.values()).containsExactly(DtlsTransportState.NEW,
        DtlsTransportState.CONNECTING, DtlsTransportState.CONNECTED);
  }

  @Test
  void dtlsStartBeforeIceStartIsAnInvalidState() {
    a.gatherer.gather();

    assertThatThrownBy(() -> a.dtls.startAsync(b.dtls.getLocalParameters()))
        .isInstanceOf(InvalidStateException.class).hasMessageContaining("ICE");
    assertThat(a.dtls.state()).isEqualTo(DtlsTransportState.NEW);
  }

  @Test
  void iceStartBeforeGatherIsAnInvalidStateAndCanBeRetried() throws Exception {
    assertThatThrownBy(() -> a.ice.startAsync(b.ice.getLocalParameters(), IceRole.CONTROLLING))
        .isInstanceOf(InvalidStateException.class).hasMessageContaining("gather");
    assertThat(a.ice.state()).isEqualTo(IceConnectionState.NEW);
    assertThat(a.ice.getRemoteParameters()).isEmpty();

    // the refused start did not count: the right sequence still connects
    Outcomes.success(TestCall.connectIce(a, b));
  }

  @Test
  void emptyFingerprintsAreAnInvalidAccess() throws Exception {
    Outcomes.success(TestCall.connectIce(a, b));

    assertThatThrownBy(() -> a.dtls.startAsync(DtlsParameters.auto(List.of())))
        .isInstanceOf(InvalidAccessException.class);
    assertThat(a.dtls.state()).isEqualTo(DtlsTransportState.NEW);
    // refused without consuming the start: a valid one still works
    b.dtls.startAsync(a.dtls.getLocalParameters());
    Outcomes.success(a.dtls.startAsync(b.dtls.getLocalParameters()));
  }

  @Test
  void oneDtlsTransportPerIceTransportAndOneIceTransportPerGatherer() {
    assertThatThrownBy(() -> a.api.newDtlsTransport(a.ice))
        .isInstanceOf(InvalidStateException.class);
    assertThatThrownBy(() -> a.api.newIceTransport(a.gatherer))
        .isInstanceOf(InvalidAccessException.class);
  }

  @Test
  void gatheringTwiceIsAnInvalidState() {
    a.gatherer.gather();

    assertThatThrownBy(a.gatherer::gather).isInstanceOf(InvalidStateException.class);
  }

  @Test
  void mediaBeforeConnectIsRefusedAndNothingIsSent() throws Exception {
    Outcomes.success(TestCall.connectIce(a, b));
    assertThatThrownBy(() -> a.dtls.writeRtp(OrtcCallTest.packet(0xA, 1)))
        .isInstanceOf(InvalidStateException.class);
    a.dtls.startAsync(b.dtls.getLocalParameters()); // CONNECTING: still refused
    assertThatThrownBy(() -> a.dtls.writeRtcp(List.of(OrtcCallTest.senderReport(0xA))))
        .isInstanceOf(InvalidStateException.class);
    assertThatThrownBy(() -> a.dtls.writeRtp(OrtcCallTest.packet(0xA, 2).header(),
        OrtcCallTest.packet(0xA, 2).payload())).isInstanceOf(InvalidStateException.class);

    Outcomes.success(b.dtls.startAsync(a.dtls.getLocalParameters()));

    assertThat(a.dtls.counters().rtpSent() + a.dtls.counters().rtcpSent()).isZero();
    MediaCounters atB = b.dtls.counters();
    assertThat(atB.rtpReceived() + atB.rtcpReceived() + atB.earlyDrops() + atB.demuxDrops())
        .as("nothing reached the peer").isZero();
  }

  @Test
  void mediaAfterStopIsRefusedAndNothingIsSent() throws Exception {
    Outcomes.success(call.connect());
    var atB = b.dtls.readRtp(0xA).test();
    a.dtls.writeRtp(OrtcCallTest.packet(0xA, 1));
    atB.awaitCount(1);

    a.dtls.stop();

    assertThatThrownBy(() -> a.dtls.writeRtp(OrtcCallTest.packet(0xA, 2)))
        .isInstanceOf(InvalidStateException.class);
    byte[] raw = OrtcCallTest.packet(0xA, 3).serialize();
    assertThatThrownBy(() -> a.dtls.writeRtp(raw, 0, raw.length))
        .isInstanceOf(InvalidStateException.class);
    assertThatThrownBy(() -> a.dtls.writeRtcp(List.of(OrtcCallTest.senderReport(0xA))))
        .isInstanceOf(InvalidStateException.class);
    assertThat(a.dtls.counters().rtpSent()).isEqualTo(1);
    assertThat(b.dtlsStates.await(DtlsTransportState.CLOSED, TestPeer.WAIT)).isTrue();
    assertThat(b.dtls.counters().rtpReceived()).isEqualTo(1);
  }

  /** Transports created over stopped ones start out CLOSED and refuse to start. */
  @Test
  void transportsOverStoppedOnesAreClosedAtOnce() {
    List<Throwable> undeliverable = new java.util.concurrent.CopyOnWriteArrayList<>();
    RxJavaPlugins.setErrorHandler(undeliverable::add);
    try {
      createOverStoppedTransports();
    } finally {
      RxJavaPlugins.setErrorHandler(null);
    }
    assertThat(undeliverable).as("errors thrown inside the objects' own subscriptions")
        .isEmpty();
  }

  private void createOverStoppedTransports() {
    OrtcApi api = OrtcApi.create(TestPeer.settings().build());
    IceGatherer closedGatherer = api.newIceGatherer(IceGatherOptions.hostOnly());
    closedGatherer.close();
    IceTransport overClosedGatherer = api.newIceTransport(closedGatherer);
    assertThat(overClosedGatherer.state()).isEqualTo(IceConnectionState.CLOSED);
    overClosedGatherer.states().test().assertValues(IceConnectionState.CLOSED).assertComplete();

    IceGatherer gatherer = api.newIceGatherer(IceGatherOptions.hostOnly());
    IceTransport stoppedIce = api.newIceTransport(gatherer);
    stoppedIce.stop();
    DtlsTransport overStoppedIce = api.newDtlsTransport(stoppedIce);

    assertThat(overStoppedIce.state()).isEqualTo(DtlsTransportState.CLOSED);
    overStoppedIce.states().test().assertValues(DtlsTransportState.CLOSED).assertComplete();
    assertThatThrownBy(() -> overStoppedIce.startAsync(b.dtls.getLocalParameters()))
        .isInstanceOf(InvalidStateException.class);
  }

  @Test
  void objectsAreUnusableAfterStop() throws Exception {
    a.gatherer.gather();
    a.dtls.stop();
    a.ice.stop();

    assertThat(a.gatherer.state()).isEqualTo(IceGatheringState.CLOSED);
    assertThatThrownBy(() -> a.dtls.startAsync(b.dtls.getLocalParameters()))
        .isInstanceOf(InvalidStateException.class);
    assertThatThrownBy(() -> a.ice.startAsync(b.ice.getLocalParameters(), IceRole.CONTROLLING))
        .isInstanceOf(InvalidStateException.class);
    b.gatherer.gather();
    List<org.ortc4j.ice.IceCandidate> candidates =
        b.gatherer.candidates().toList()
        .timeout(TestPeer.WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS).blockingGet();
    assertThatThrownBy(() -> a.ice.addRemoteCandidate(candidates.get(0)))
        .isInstanceOf(InvalidStateException.class);
    assertThatThrownBy(a.ice::endOfRemoteCandidates).isInstanceOf(InvalidStateException.class);
    assertThatThrownBy(a.gatherer::gather).isInstanceOf(InvalidStateException.class);
    assertThatThrownBy(() -> a.dtls.writeRtp(OrtcCallTest.packet(0xA, 1)))
        .isInstanceOf(InvalidStateException.class);
    assertThat(a.dtls.state()).isEqualTo(DtlsTransportState.CLOSED);
    assertThat(a.ice.state()).isEqualTo(IceConnectionState.CLOSED);
  }
}
