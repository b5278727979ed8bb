package org.ortc4j.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Consent freshness over a path a test can cut ({@link LossyLoopbackProxy}): silence gives
 * DISCONNECTED, traffic coming back restores CONNECTED, and silence for the consent timeout
 * gives FAILED.
 */
class IceAgentConsentTest {
  private static final Duration SLACK = Duration.ofSeconds(3);

  @Test
  void cutPathDisconnectsThenRecovers() throws Exception {
    try (AgentPair pair = new AgentPair(TestConfigs.v4(), TestConfigs.v4());
        LossyLoopbackProxy proxy = connectThroughProxy(pair)) {
      proxy.dropAll = true;
      pair.la.awaitState(IceConnectionState.DISCONNECTED, TestConfigs.DISCONNECTED.plus(SLACK));
      assertThat(pair.a.state()).isEqualTo(IceConnectionState.DISCONNECTED);

      int connectedBefore = count(pair.la, IceConnectionState.CONNECTED);
      proxy.dropAll = false;
      awaitCount(pair.la, IceConnectionState.CONNECTED, connectedBefore + 1);
      assertThat(pair.la.statesSoFar()).containsSubsequence(IceConnectionState.CONNECTED,
          IceConnectionState.DISCONNECTED, IceConnectionState.CONNECTED);
      IceAgentConnectTest.assertDatagramsFlow(pair.a, pair.b);
    }
  }

  /** Consent answers keep an idle pair CONNECTED past the disconnected timeout. */
  @Test
  void idlePairStaysConnected() throws Exception {
    try (AgentPair pair = new AgentPair(TestConfigs.v4(), TestConfigs.v4())) {
      pair.connectTrickling(IceRole.CONTROLLING, IceRole.CONTROLLED);
      pair.awaitConnected(TestConfigs.WAIT);
      Duration twice = TestConfigs.DISCONNECTED.multipliedBy(2);
      assertThatThrownBy(() -> pair.la.awaitState(IceConnectionState.DISCONNECTED, twice))
          .isInstanceOf(TimeoutException.class);
      assertThat(pair.a.state()).isEqualTo(IceConnectionState.CONNECTED);
      assertThat(pair.b.state()).isEqualTo(IceConnectionState.CONNECTED);
    }
  }

  @Test
  void cutPathFailsAtConsentTimeout() throws Exception {
    try (AgentPair pair = new AgentPair(TestConfigs.v4(), TestConfigs.v4());
        LossyLoopbackProxy proxy = connectThroughProxy(pair)) {
      proxy.dropAll = true;
      pair.la.awaitState(IceConnectionState.FAILED, TestConfigs.CONSENT_TIMEOUT.plus(SLACK));
      pair.lb.awaitState(IceConnectionState.FAILED, TestConfigs.CONSENT_TIMEOUT.plus(SLACK));
      assertThat(pair.la.statesSoFar()).containsSubsequence(IceConnectionState.CONNECTED,
          IceConnectionState.DISCONNECTED, IceConnectionState.FAILED);
      assertThat(pair.b.failureReason()).contains(IceFailureReason.CONSENT_EXPIRED);
    }
  }

  /** Gathers both, tells each the other is at the proxy, connects. */
  private static LossyLoopbackProxy connectThroughProxy(AgentPair pair) throws Exception {
    pair.a.gather();
    pair.b.gather();
    pair.la.awaitEndOfCandidates(TestConfigs.WAIT);
    pair.lb.awaitEndOfCandidates(TestConfigs.WAIT);
    IceCandidate aHost = pair.la.candidates.get(0);
    IceCandidate bHost = pair.lb.candidates.get(0);
    LossyLoopbackProxy proxy = new LossyLoopbackProxy(
        new InetSocketAddress(aHost.address(), aHost.port()),
        new InetSocketAddress(bHost.address(), bHost.port()));
    pair.a.addRemoteCandidate(moved(bHost, proxy.bAsSeenByA()));
    pair.b.addRemoteCandidate(moved(aHost, proxy.aAsSeenByB()));
    pair.a.start(IceRole.CONTROLLING, pair.b.localParameters());
    pair.b.start(IceRole.CONTROLLED, pair.a.localParameters());
    pair.awaitConnected(TestConfigs.WAIT);
    return proxy;
  }

  private static IceCandidate moved(IceCandidate c, InetSocketAddress to) {
    return new IceCandidate(c.foundation(), c.priority(), "127.0.0.1", c.protocol(),
        to.getPort(), c.type(), c.component(), null, null, null);
  }

  private static int count(RecordingListener l, IceConnectionState state) {
    return (int) l.statesSoFar().stream().filter(s -> s == state).count();
  }

  /** Bounded poll: the state event arrives on the agent's event thread. */
  private static void awaitCount(RecordingListener l, IceConnectionState state, int n) {
    long deadline = System.nanoTime() + TestConfigs.WAIT.toNanos();
    while (count(l, state) < n && System.nanoTime() < deadline) {
      java.util.concurrent.locks.LockSupport.parkNanos(5_000_000); // bounded poll, 5 ms steps
    }
    assertThat(count(l, state)).as("times %s was reached", state).isGreaterThanOrEqualTo(n);
  }
}
