package org.ortc4j.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Consent loss, connect timeout and API misuse end in the documented states and errors. */
class IceAgentFailureTest {

  @Test
  void peerDisappearingGivesDisconnectedThenFailed() throws Exception {
    try (AgentPair pair = new AgentPair(TestConfigs.v4(), TestConfigs.v4())) {
      pair.connectTrickling(IceRole.CONTROLLING, IceRole.CONTROLLED);
      pair.awaitConnected(TestConfigs.WAIT);

      pair.b.close();

      Duration slack = Duration.ofSeconds(3);
      pair.la.awaitState(IceConnectionState.DISCONNECTED, TestConfigs.DISCONNECTED.plus(slack));
      pair.la.awaitState(IceConnectionState.FAILED, TestConfigs.CONSENT_TIMEOUT.plus(slack));
      assertThat(pair.la.statesSoFar()).containsSubsequence(
          IceConnectionState.CONNECTED, IceConnectionState.DISCONNECTED, IceConnectionState.FAILED);
      assertThat(pair.a.failureReason()).contains(IceFailureReason.CONSENT_EXPIRED);
      byte[] data = {1, 2, 3};
      assertThat(pair.a.connection().send(data, 0, data.length))
          .as("no sending without consent (RFC 7675 §5.1)")
          .isEqualTo(IceSendStatus.NOT_CONNECTED);
    }
  }

  @Test
  void noRemoteCandidatesFailsAtConnectTimeout() throws Exception {
    IceAgentConfig config = TestConfigs.base("127.0.0.1")
        .connectTimeout(Duration.ofMillis(1500)).build();
    RecordingListener listener = new RecordingListener();
    try (IceAgent agent = IceAgent.create(config, listener)) {
      agent.gather();
      agent.start(IceRole.CONTROLLING, IceParameters.random());

      listener.awaitState(IceConnectionState.FAILED, TestConfigs.WAIT);
      assertThat(listener.statesSoFar())
          .containsExactly(IceConnectionState.CHECKING, IceConnectionState.FAILED);
      assertThat(agent.failureReason()).contains(IceFailureReason.CONNECT_TIMEOUT);
      assertThat(agent.selectedPair()).isEmpty();
    }
  }

  @Test
  void closeIsIdempotentAndFinal() throws Exception {
    RecordingListener listener = new RecordingListener();
    IceAgent agent = IceAgent.create(TestConfigs.v4(), listener);
    agent.gather();
    listener.awaitEndOfCandidates(TestConfigs.WAIT);
    agent.close();
    agent.close();

    assertThat(agent.state()).isEqualTo(IceConnectionState.CLOSED);
    assertThat(agent.gatheringState()).isEqualTo(IceGatheringState.CLOSED);
    listener.awaitState(IceConnectionState.CLOSED, TestConfigs.WAIT);
    // delivered in order on the event thread: the gathering state's CLOSED comes second
    listener.awaitGatheringState(IceGatheringState.CLOSED, TestConfigs.WAIT);
    assertThat(listener.statesSoFar()).containsExactly(IceConnectionState.CLOSED);
    assertThat(listener.gatheringStates()).containsExactly(
        IceGatheringState.GATHERING, IceGatheringState.COMPLETE, IceGatheringState.CLOSED);
    byte[] data = {1};
    assertThat(agent.connection().send(data, 0, 1)).isEqualTo(IceSendStatus.CLOSED);
    assertThatThrownBy(agent::gather).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void misuseIsRefusedWithClearErrors() {
    try (IceAgent agent = IceAgent.create(TestConfigs.v4(), new IceAgentListener() {})) {
      assertThatThrownBy(() -> agent.start(IceRole.CONTROLLING, IceParameters.random()))
          .isInstanceOf(IllegalStateException.class).hasMessage("call gather() before start()");
      agent.gather();
      assertThatThrownBy(agent::gather)
          .isInstanceOf(IllegalStateException.class).hasMessage("gather() was already called");
      agent.start(IceRole.CONTROLLING, IceParameters.random());
      assertThatThrownBy(() -> agent.start(IceRole.CONTROLLING, IceParameters.random()))
          .isInstanceOf(IllegalStateException.class).hasMessage("start() was already called");
    }
  }

  @Test
  void eventsArriveOnOneThreadPerAgent() throws Exception {
    try (AgentPair pair = new AgentPair(TestConfigs.v4(), TestConfigs.v4())) {
      pair.connectAfterGathering(IceRole.CONTROLLING, IceRole.CONTROLLED);
      pair.awaitConnected(TestConfigs.WAIT);
      assertThat(List.copyOf(pair.la.eventThreads)).hasSizeGreaterThan(3)
          .allMatch(t -> t == pair.la.eventThreads.get(0));
      assertThat(pair.la.eventThreads.get(0)).isNotSameAs(pair.lb.eventThreads.get(0));
    }
  }
}
