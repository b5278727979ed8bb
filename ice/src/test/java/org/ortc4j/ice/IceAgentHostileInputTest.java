package org.ortc4j.ice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Garbage datagrams and a connectivity check signed with a wrong password, sent to an agent's
 * host candidate by a stranger on 127.0.0.1, are dropped and counted; the agent still connects
 * with its real peer and never answers the forged check with a success.
 */
class IceAgentHostileInputTest {
  private static final int GARBAGE = 50;

  @Test
  void garbageAndWrongPasswordAreIgnored() throws Exception {
    try (AgentPair pair = new AgentPair(TestConfigs.v4(), TestConfigs.v4());
        DatagramChannel stranger = DatagramChannel.open()) {
      stranger.bind(new InetSocketAddress("127.0.0.1", 0));
      pair.a.gather();
      pair.b.gather();
      pair.la.awaitEndOfCandidates(TestConfigs.WAIT);
      pair.lb.awaitEndOfCandidates(TestConfigs.WAIT);
      IceCandidate aHost = pair.la.candidates.get(0);
      InetSocketAddress target = new InetSocketAddress(aHost.address(), aHost.port());

      sendGarbage(stranger, target);
      String username = pair.a.localParameters().usernameFragment() + ":"
          + pair.b.localParameters().usernameFragment();
      stranger.send(ByteBuffer.wrap(ForgedStun.bindingRequest(username, "not-the-password-at-all")),
          target);

      pair.la.candidates.forEach(pair.b::addRemoteCandidate);
      pair.lb.candidates.forEach(pair.a::addRemoteCandidate);
      pair.a.start(IceRole.CONTROLLED, pair.b.localParameters());
      pair.b.start(IceRole.CONTROLLING, pair.a.localParameters());
      pair.awaitConnected(TestConfigs.WAIT);

      assertThat(pair.a.selectedPair().get().remote().port())
          .isEqualTo(pair.lb.candidates.get(0).port());
      // garbage before the selection is held, then dropped as not from the selected remote
      assertThat(pair.a.connection().stats().droppedNotSelected()
          + pair.a.connection().stats().droppedUnknownSource()).isGreaterThanOrEqualTo(GARBAGE);
      assertNoSuccessResponse(stranger);

      long unknownBefore = pair.a.connection().stats().droppedUnknownSource();
      assertThat(pair.a.connection().stats().delivered()).isZero();
      sendGarbage(stranger, target);
      IceAgentConnectTest.assertDatagramsFlow(pair.b, pair.a);
      awaitCount(() -> pair.a.connection().stats().droppedUnknownSource(),
          unknownBefore + GARBAGE);
      assertThat(pair.a.connection().stats().delivered()).isEqualTo(1);
    }
  }

  /** The control for the test above: the same check with the right password is answered. */
  @Test
  void correctlySignedCheckIsAnswered() throws Exception {
    RecordingListener listener = new RecordingListener();
    IceParameters remote = IceParameters.random();
    try (IceAgent agent = IceAgent.create(TestConfigs.v4(), listener);
        DatagramChannel stranger = DatagramChannel.open()) {
      stranger.bind(new InetSocketAddress("127.0.0.1", 0));
      agent.gather();
      listener.awaitEndOfCandidates(TestConfigs.WAIT);
      agent.start(IceRole.CONTROLLED, remote);
      IceCandidate host = listener.candidates.get(0);
      String username = agent.localParameters().usernameFragment() + ":"
          + remote.usernameFragment();
      byte[] check = ForgedStun.bindingRequest(username, agent.localParameters().password());
      CompletableFuture<Boolean> success = firstSuccessResponse(stranger);

      // resent as a STUN client does (RFC 8489 §6.2.1): start() hands the remote parameters to
      // ice4j on the agent's own thread, so a first check may come before it can be checked
      for (int i = 0; i < 20 && !success.isDone(); i++) {
        stranger.send(ByteBuffer.wrap(check), new InetSocketAddress(host.address(), host.port()));
        try {
          success.get(250, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException notYet) {
          // send it again
        }
      }
      assertThat(success.get(1, TimeUnit.SECONDS)).isTrue();
    }
  }

  private static void sendGarbage(DatagramChannel from, InetSocketAddress to) throws Exception {
    for (int i = 0; i < GARBAGE; i++) {
      byte[] junk = new byte[100 + i];
      junk[0] = (byte) 0x80; // looks like RTP: never STUN
      from.send(ByteBuffer.wrap(junk), to);
    }
  }

  /**
   * The forged check may get an error response, never a success. The agent may also send its
   * own (triggered) checks: those are Binding requests, not answers.
   */
  private static void assertNoSuccessResponse(DatagramChannel stranger) throws Exception {
    CompletableFuture<Boolean> success = firstSuccessResponse(stranger);
    try {
      assertThat(success.get(1, TimeUnit.SECONDS)).isFalse();
    } catch (java.util.concurrent.TimeoutException silence) {
      success.cancel(true); // no success within a second: the check was ignored
    }
  }

  /** Completes true at the first Binding success response (0x0101) the stranger receives. */
  private static CompletableFuture<Boolean> firstSuccessResponse(DatagramChannel stranger) {
    return CompletableFuture.supplyAsync(() -> {
      ByteBuffer in = ByteBuffer.allocate(1500);
      try {
        while (true) {
          in.clear();
          stranger.receive(in);
          if (((in.get(0) & 0xFF) << 8 | in.get(1) & 0xFF) == 0x0101) {
            return true;
          }
        }
      } catch (java.io.IOException closed) {
        return false;
      }
    });
  }

  private static void awaitCount(java.util.function.LongSupplier count, long atLeast) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (count.getAsLong() < atLeast && System.nanoTime() < deadline) {
      java.util.concurrent.locks.LockSupport.parkNanos(5_000_000); // bounded poll, 5 ms steps
    }
    assertThat(count.getAsLong()).isGreaterThanOrEqualTo(atLeast);
  }
}
