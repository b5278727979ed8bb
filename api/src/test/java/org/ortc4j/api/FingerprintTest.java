package org.ortc4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactivex.rxjava3.subscribers.TestSubscriber;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ortc4j.dtls.DtlsAlert;
import org.ortc4j.rtp.RtpPacket;

/**
 * A fingerprint forged in the signalling, in either direction: the side that checks it fails
 * with FINGERPRINT_MISMATCH (and sends bad_certificate), the other fails on that fatal alert;
 * neither connects, and no media is ever decrypted or sent.
 */
class FingerprintTest {
  private static final int BAD_CERTIFICATE = 42;

  private final TestCall call = new TestCall();

  @AfterEach
  void close() {
    call.close();
  }

  @ParameterizedTest(name = "forged towards the ICE-controlling side: {0}")
  @ValueSource(booleans = {true, false})
  void forgedFingerprintFailsBothSides(boolean towardsControlling) throws Exception {
    DtlsParameters forged = DtlsParameters.auto(RtcCertificate.generate().getFingerprints());
    TestPeer a = call.controlling;
    TestPeer b = call.controlled;
    TestPeer checker = towardsControlling ? a : b;
    TestPeer victim = towardsControlling ? b : a;
    TestSubscriber<RtpPacket> atChecker = checker.dtls.readRtp(0xA).test();
    TestSubscriber<RtpPacket> atVictim = victim.dtls.readRtp(0xA).test();

    TestCall.connectIce(a, b);
    CompletableFuture<Void> startA =
        a.dtls.startAsync(towardsControlling ? forged : b.dtls.getLocalParameters());
    CompletableFuture<Void> startB =
        b.dtls.startAsync(towardsControlling ? a.dtls.getLocalParameters() : forged);

    CompletableFuture<Void> checkerStart = towardsControlling ? startA : startB;
    CompletableFuture<Void> victimStart = towardsControlling ? startB : startA;
    DtlsTransportException mismatch =
        Outcomes.failure(checkerStart, TestPeer.WAIT, DtlsTransportException.class);
    assertThat(mismatch.reason()).isEqualTo(DtlsTransportFailure.FINGERPRINT_MISMATCH);
    assertThat(mismatch.alert()).contains(new DtlsAlert(BAD_CERTIFICATE, false));
    // the peer learns it from the bad_certificate alert, well before its handshake timeout
    DtlsTransportException alerted = Outcomes.failure(victimStart, Duration.ofSeconds(4),
        DtlsTransportException.class);
    assertThat(alerted.reason()).isEqualTo(DtlsTransportFailure.ALERT_RECEIVED);
    assertThat(alerted.alert()).contains(new DtlsAlert(BAD_CERTIFICATE, true));

    for (TestPeer peer : List.of(a, b)) {
      assertThat(peer.dtlsStates.await(DtlsTransportState.FAILED, TestPeer.WAIT)).isTrue();
      assertThat(peer.dtls.failureCause()).isPresent();
      assertThat(peer.dtlsStates.values()).containsExactly(DtlsTransportState.NEW,
          DtlsTransportState.CONNECTING, DtlsTransportState.FAILED);
      assertThat(peer.dtls.srtpProfile()).isEmpty();
      assertThat(peer.dtls.getRemoteCertificate()).isEmpty();
      assertThatThrownBy(() -> peer.dtls.writeRtp(OrtcCallTest.packet(0xA, 1)))
          .isInstanceOf(InvalidStateException.class);
      assertThatThrownBy(() -> peer.dtls.writeRtcp(List.of(OrtcCallTest.senderReport(0xA))))
          .isInstanceOf(InvalidStateException.class);
      MediaCounters counters = peer.dtls.counters();
      assertThat(counters.rtpSent() + counters.rtcpSent()).isZero();
      assertThat(counters.rtpReceived() + counters.rtcpReceived()).isZero();
    }
    assertThat(checker.dtls.failureCause().orElseThrow().reason())
        .isEqualTo(DtlsTransportFailure.FINGERPRINT_MISMATCH);
    assertThat(victim.dtls.failureCause().orElseThrow().reason())
        .isEqualTo(DtlsTransportFailure.ALERT_RECEIVED);
    assertThat(atChecker.values()).isEmpty();
    assertThat(atVictim.values()).isEmpty();
  }
}
