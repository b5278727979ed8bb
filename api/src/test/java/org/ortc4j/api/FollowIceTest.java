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
   * The peer vanishes without a word: consent expires (FAILED after 5 s with the test timers)
   * and DTLS fails with ICE_FAILED. The peer closes its agent, and the close_notify its DTLS
   * transport may still send on the way down is lost, as when a machine dies: A's DTLS datagrams
   * are no longer delivered (a loss only the test can arrange).
   */
  @Test
  void icePeerVanishingFailsTheDtlsTransport() throws Exception {
    Outcomes.success(call.connect());

    loseDtlsDatagramsAt(a);
    b.gatherer.close();

    assertThat(a.iceStates.await(IceConnectionState.FAILED, TestPeer.WAIT))
        .as(() -> "ICE " + a.iceStates.values() + ", DTLS " + a.dtlsStates.values()).isTrue();
    assertThat(a.iceStates.values()).containsSubsequence(IceConnectionState.CONNECTED,
        IceConnectionState.DISCONNECTED, IceConnectionState.FAILED);
    assertThat(a.ice.failureCause()).hasValueSatisfying(
        e -> assertThat(e.reason()).isEqualTo(IceTransportFailure.CONSENT_EXPIRED));
    assertThat(a.dtlsStates.await(DtlsTransportState.FAILED, TestPeer.WAIT))
        .as(() -> "ICE " + a.iceStates.values() + ", DTLS " + a.dtlsStates.values()).isTrue();
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

  /** From now on, DTLS datagrams reaching {@code peer} wait in the early queue, unread. */
  private static void loseDtlsDatagramsAt(TestPeer peer) {
    peer.ice.demultiplexer().setDtlsEndpoint(null);
  }
}
