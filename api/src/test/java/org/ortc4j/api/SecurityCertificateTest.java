package org.ortc4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactivex.rxjava3.subscribers.TestSubscriber;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ortc4j.dtls.DtlsAlert;
import org.ortc4j.dtls.DtlsRole;
import org.ortc4j.ice.IceConnectionState;
import org.ortc4j.ice.IceSendStatus;
import org.ortc4j.rtp.RtpPacket;

/**
 * A third party that knows the ICE credentials — here it is the one the victim runs ICE with,
 * as after a hijacked ICE exchange — but not the DTLS certificate: the victim was told the real
 * peer's fingerprint, and the intruder (a complete ortc4j peer with a certificate of its own, that
 * knows the victim's real fingerprint) connects ICE, then cannot finish the handshake, whether it
 * acts as DTLS client or server. The victim fails with FINGERPRINT_MISMATCH and sends
 * bad_certificate, exports no keys, sends and delivers no media, and what the intruder sends over
 * the ICE path afterwards is dropped.
 */
class SecurityCertificateTest {
  private static final int BAD_CERTIFICATE = 42;
  private static final long SSRC = 0x1A7E_0001L;

  private final TestPeer victim = new TestPeer("victim");
  private final TestPeer intruder = new TestPeer("intruder");
  private final TestPeer realPeer = new TestPeer("real peer"); // only its fingerprint is used

  @AfterEach
  void close() {
    intruder.close();
    victim.close();
    realPeer.close();
  }

  @ParameterizedTest(name = "victim is the DTLS {0}")
  @EnumSource(DtlsRole.class)
  void intruderWithItsOwnCertificateCannotCompleteTheHandshake(DtlsRole victimRole)
      throws Exception {
    TestSubscriber<RtpPacket> atVictim = victim.dtls.readRtp(SSRC).test();
    // ICE controlling = DTLS server
    boolean victimControls = victimRole == DtlsRole.SERVER;
    TestCall.connectIce(victimControls ? victim : intruder, victimControls ? intruder : victim);
    CompletableFuture<Void> victimStart =
        victim.dtls.startAsync(realPeer.dtls.getLocalParameters());
    CompletableFuture<Void> intruderStart =
        intruder.dtls.startAsync(victim.dtls.getLocalParameters());

    DtlsTransportException mismatch =
        Outcomes.failure(victimStart, TestPeer.WAIT, DtlsTransportException.class);
    assertThat(mismatch.reason()).isEqualTo(DtlsTransportFailure.FINGERPRINT_MISMATCH);
    assertThat(mismatch.alert()).contains(new DtlsAlert(BAD_CERTIFICATE, false));
    DtlsTransportException refused =
        Outcomes.failure(intruderStart, TestPeer.WAIT, DtlsTransportException.class);
    assertThat(refused.reason()).isEqualTo(DtlsTransportFailure.ALERT_RECEIVED);
    assertThat(refused.alert()).contains(new DtlsAlert(BAD_CERTIFICATE, true));

    assertThat(victim.iceStates.values()).as("the intruder did pass ICE")
        .contains(IceConnectionState.CONNECTED);
    assertThat(victim.ice.selectedPair().orElseThrow().remote().port())
        .isEqualTo(intruder.gatherer.getLocalCandidates().get(0).port());
    assertThat(victim.dtls.role()).contains(victimRole);
    // the start fails as state() changes; the emission follows
    assertThat(victim.dtlsStates.await(DtlsTransportState.FAILED, TestPeer.WAIT)).isTrue();
    assertThat(victim.dtlsStates.values()).containsExactly(DtlsTransportState.NEW,
        DtlsTransportState.CONNECTING, DtlsTransportState.FAILED);
    assertThat(victim.dtls.failureCause().orElseThrow().reason())
        .isEqualTo(DtlsTransportFailure.FINGERPRINT_MISMATCH);
    for (TestPeer peer : List.of(victim, intruder)) {
      assertThat(peer.dtls.srtpProfile()).as("no keys").isEmpty();
      assertThat(peer.dtls.handshakeResult()).isEmpty();
      assertThatThrownBy(() -> peer.dtls.writeRtp(MediaRobustnessTest.packet(SSRC, 0)))
          .isInstanceOf(InvalidStateException.class);
    }
    assertThat(victim.dtls.getRemoteCertificate()).isEmpty();

    // what the intruder can still do: send datagrams over the ICE path it holds
    byte[] rtpLooking = MediaRobustnessTest.packet(SSRC, 1).serialize();
    assertThat(intruder.ice.connection().send(rtpLooking, 0, rtpLooking.length))
        .isEqualTo(IceSendStatus.SENT);
    awaitDelivered(victim, 1);
    MediaCounters counters = victim.dtls.counters();
    assertThat(counters.rtpReceived() + counters.rtcpReceived()).isZero();
    assertThat(counters.rtpSent() + counters.rtcpSent()).isZero();
    assertThat(counters.earlyDrops()).as("media after the transport ended").isEqualTo(1);
    assertThat(atVictim.values()).isEmpty();
  }

  /** Waits (bounded) until the victim's ICE connection handed over {@code count} datagrams. */
  private static void awaitDelivered(TestPeer peer, long count) {
    long deadline = System.nanoTime() + TestPeer.WAIT.toNanos();
    while (peer.dtls.counters().earlyDrops() < count && System.nanoTime() < deadline) {
      java.util.concurrent.locks.LockSupport.parkNanos(5_000_000); // bounded poll
    }
  }
}
