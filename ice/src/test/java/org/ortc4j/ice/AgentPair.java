package org.ortc4j.ice;

import java.time.Duration;

/** Two agents in one JVM wired to each other, as signalling would. Closes both. */
final class AgentPair implements AutoCloseable {
  final IceAgent a;
  final IceAgent b;
  final RecordingListener la = new RecordingListener();
  final RecordingListener lb = new RecordingListener();

  AgentPair(IceAgentConfig configA, IceAgentConfig configB) {
    a = IceAgent.create(configA, la);
    b = IceAgent.create(configB, lb);
  }

  /** Gathers fully on both sides, gives each the other's candidates, then starts both. */
  void connectAfterGathering(IceRole roleA, IceRole roleB) throws Exception {
    a.gather();
    b.gather();
    la.awaitEndOfCandidates(TestConfigs.WAIT);
    lb.awaitEndOfCandidates(TestConfigs.WAIT);
    la.candidates.forEach(b::addRemoteCandidate);
    lb.candidates.forEach(a::addRemoteCandidate);
    a.start(roleA, b.localParameters());
    b.start(roleB, a.localParameters());
    a.endOfRemoteCandidates();
    b.endOfRemoteCandidates();
  }

  /** Starts both at once and trickles candidates as they are found. */
  void connectTrickling(IceRole roleA, IceRole roleB) {
    la.trickleTo(c -> addQuietly(b, c));
    lb.trickleTo(c -> addQuietly(a, c));
    a.gather();
    b.gather();
    a.start(roleA, b.localParameters());
    b.start(roleB, a.localParameters());
  }

  private static void addQuietly(IceAgent agent, IceCandidate c) {
    try {
      agent.addRemoteCandidate(c);
    } catch (IllegalStateException closed) {
      // the test already closed the peer
    }
  }

  void awaitConnected(Duration timeout) throws Exception {
    la.awaitState(IceConnectionState.CONNECTED, timeout);
    lb.awaitState(IceConnectionState.CONNECTED, timeout);
  }

  @Override
  public void close() {
    a.close();
    b.close();
  }
}
