package org.ortc4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactivex.rxjava3.observers.TestObserver;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.ortc4j.ice.IceCandidatePair;
import org.ortc4j.ice.IceConnectionState;
import org.ortc4j.ice.IceRole;

/** What an {@link IceTransport} tells its user: pair, role, parameters, failure cause. */
class IceTransportTest {
  @Test
  void connectedTransportReportsPairRoleAndParameters() throws Exception {
    try (TestCall call = new TestCall()) {
      TestPeer a = call.controlling;
      TestPeer b = call.controlled;
      TestObserver<IceCandidatePair> pairs = a.ice.selectedPairs().test();
      assertThat(a.ice.role()).isEmpty();
      assertThat(a.ice.getRemoteParameters()).isEmpty();
      assertThat(a.ice.selectedPair()).isEmpty();

      CompletableFuture<Void> ice = TestCall.connectIce(a, b);
      assertThat(a.ice.getRemoteParameters()).contains(b.gatherer.getLocalParameters());
      Outcomes.success(ice);

      IceCandidatePair pair = a.ice.selectedPair().orElseThrow();
      pairs.awaitCount(1);
      assertThat(pairs.values()).first().isEqualTo(pair);
      pairs.assertNoErrors().assertNotComplete();
      a.ice.selectedPairs().test().assertValue(pair); // replayed to a late subscriber
      assertThat(a.gatherer.getLocalCandidates()).contains(pair.local());
      assertThat(b.ice.selectedPair().orElseThrow().remote().port())
          .isEqualTo(pair.local().port());
      assertThat(a.ice.role()).contains(IceRole.CONTROLLING);
      assertThat(b.ice.role()).contains(IceRole.CONTROLLED);
      assertThat(a.ice.getLocalParameters()).isEqualTo(a.gatherer.getLocalParameters());
      assertThat(a.ice.failureCause()).isEmpty();
    }
  }

  /** The blocking start gives up at its timeout; the checks go on. */
  @Test
  void blockingStartTimesOutWithoutEndingTheChecks() {
    try (TestPeer a = new TestPeer("alone"); TestPeer b = new TestPeer("silent")) {
      a.gatherer.gather();

      assertThatThrownBy(() -> a.ice.start(b.gatherer.getLocalParameters(),
          IceRole.CONTROLLED, Duration.ofMillis(300)))
          .isInstanceOf(RtcTimeoutException.class);
      assertThat(a.ice.state()).isEqualTo(IceConnectionState.CHECKING);
      assertThatThrownBy(() -> a.dtls.start(b.dtls.getLocalParameters(), Duration.ofMillis(300)))
          .isInstanceOf(RtcTimeoutException.class);
      assertThat(a.dtls.state()).isEqualTo(DtlsTransportState.CONNECTING);
    }
  }

  /** No remote candidate ever arrives: the connect timeout fails the transport and its start. */
  @Test
  void noRemoteCandidatesFailsWithConnectTimeout() throws Exception {
    Duration connectTimeout = Duration.ofSeconds(2);
    OrtcSettings settings = TestPeer.settings().iceConnectTimeout(connectTimeout).build();
    try (TestPeer a = new TestPeer("alone", settings); TestPeer b = new TestPeer("silent")) {
      a.gatherer.gather();
      CompletableFuture<IceCandidatePair> start = a.startIce(b, IceRole.CONTROLLING);

      IceTransportException e = Outcomes.failure(start, connectTimeout.plus(TestPeer.WAIT),
          IceTransportException.class);

      assertThat(e.reason()).isEqualTo(IceTransportFailure.CONNECT_TIMEOUT);
      assertThat(a.ice.state()).as("the state is FAILED when the start fails")
          .isEqualTo(IceConnectionState.FAILED);
      assertThat(a.iceStates.await(IceConnectionState.FAILED, TestPeer.WAIT)).isTrue();
      assertThat(a.ice.failureCause()).hasValueSatisfying(
          cause -> assertThat(cause.reason()).isEqualTo(IceTransportFailure.CONNECT_TIMEOUT));
      assertThat(a.iceStates.values()).containsExactly(IceConnectionState.NEW,
          IceConnectionState.CHECKING, IceConnectionState.FAILED);
      assertThat(a.ice.selectedPair()).isEmpty();
    }
  }
}
