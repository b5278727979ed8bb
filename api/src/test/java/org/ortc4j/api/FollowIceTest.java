package org.ortc4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ortc4j.ice.IceConnectionState;

/**
 * DTLS follows the ICE transport under it: ICE CLOSED takes it to CLOSED, ICE FAILED to FAILED
 * with {@link DtlsTransportFailure#ICE_FAILED}. (A pending start ending with ICE_CLOSED or
 * ICE_FAILED is in {@link StopTest}; close_notify -> CLOSED in {@link StopTest} too; a fatal
 * alert -> FAILED with the alert in {@link FingerprintTest}.)
 */
class FollowIceTest {
  private final TestCall call = new TestCall();
  private final TestPeer a = call.controlling;
  private final TestPeer b = call.controlled;

  @AfterEach
  void close() {
    call.close();
  }

  /**
   * ICE stopped under a connected DTLS transport: it closes (CLOSED, once), and the peer ends
   * too, by the close_notify sent on the way down.
   */
  @Test
  void iceStopClosesAConnectedDtlsTransport() throws Exception {
    Outcomes.success(call.connect());

    a.ice.stop();

    List<DtlsTransportState> closed = List.of(DtlsTransportState.NEW,
        DtlsTransportState.CONNECTING, DtlsTransportState.CONNECTED, DtlsTransportState.CLOSED);
    assertThat(a.dtlsStates.values()).isEqualTo(closed);
    assertThat(a.dtls.failureCause()).isEmpty();
    assertThat(b.dtlsStates.await(DtlsTransportState.CLOSED, TestPeer.WAIT)).isTrue();
    assertThat(b.dtlsStates.values()).isEqualTo(closed);
    StopTest.assertStopIsIdempotent(a);
  }

  /**
   * The peer vanishes without a word (its agent is gone before any close_notify could leave):
   * consent expires (FAILED after 5 s with the test timers) and DTLS fails with ICE_FAILED.
   */
  @Test
  void icePeerVanishingFailsTheDtlsTransport() throws Exception {
    Outcomes.success(call.connect());

    b.gatherer.close();

    assertThat(a.iceStates.await(IceConnectionState.FAILED, TestPeer.WAIT)).isTrue();
    assertThat(a.iceStates.values()).containsSubsequence(IceConnectionState.CONNECTED,
        IceConnectionState.DISCONNECTED, IceConnectionState.FAILED);
    assertThat(a.ice.failureCause()).hasValueSatisfying(
        e -> assertThat(e.reason()).isEqualTo(IceTransportFailure.CONSENT_EXPIRED));
    assertThat(a.dtlsStates.await(DtlsTransportState.FAILED, TestPeer.WAIT)).isTrue();
    assertThat(a.dtlsStates.values()).containsExactly(DtlsTransportState.NEW,
        DtlsTransportState.CONNECTING, DtlsTransportState.CONNECTED, DtlsTransportState.FAILED);
    assertThat(a.dtls.failureCause()).hasValueSatisfying(
        e -> assertThat(e.reason()).isEqualTo(DtlsTransportFailure.ICE_FAILED));
    assertThatThrownBy(() -> a.dtls.writeRtp(OrtcCallTest.packet(1, 1)))
        .isInstanceOf(InvalidStateException.class);

    // the side that vanished closed everything locally
    assertThat(b.iceStates.values()).endsWith(IceConnectionState.CLOSED);
    assertThat(b.dtlsStates.values()).endsWith(DtlsTransportState.CLOSED);

    a.dtls.stop(); // FAILED is left only for CLOSED
    assertThat(a.dtlsStates.values()).endsWith(DtlsTransportState.FAILED,
        DtlsTransportState.CLOSED);
  }
}
