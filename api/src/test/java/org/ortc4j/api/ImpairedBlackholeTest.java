package org.ortc4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.ortc4j.ice.IceConnectionState;

/**
 * The path goes dark after connect: both sides notice by consent (DISCONNECTED after 2.5 s,
 * FAILED after 5 s with the test timers: {@link TestPeer#settings()}), DTLS fails with them,
 * nothing hangs, and once stopped every thread of the call ends.
 */
class ImpairedBlackholeTest {
  /** Consent is checked once a second: a change may come up to one check (and noise) late. */
  private static final long SLACK_MILLIS = 3000;

  @Test
  void bothSidesGoDisconnectedThenFailedWithinTheConsentTimesAndAllThreadsEnd()
      throws Exception {
    LeakTest.call(TestPeer.settings().build()); // starts what a JVM shares (ice4j's timer)
    Map<String, Integer> threadsBefore = ResourceProbe.ownThreads();
    try (ImpairedCall call = new ImpairedCall(TestPeer.settings().build(), 5)) {
      call.connect().get(TestPeer.WAIT.toSeconds(), TimeUnit.SECONDS);

      long dark = System.nanoTime();
      call.link.impairBoth(d -> d.blackhole = true);

      for (TestPeer peer : new TestPeer[] {call.a, call.b}) {
        assertThat(peer.iceStates.await(IceConnectionState.FAILED, TestPeer.WAIT))
            .as(peer.name + " ICE " + peer.iceStates.values()).isTrue();
        long failedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - dark);
        assertThat(peer.iceStates.values()).containsSubsequence(IceConnectionState.CONNECTED,
            IceConnectionState.DISCONNECTED, IceConnectionState.FAILED);
        assertThat(failedMillis).as(peer.name + " failed after (ms)")
            .isLessThanOrEqualTo(5000 + SLACK_MILLIS);
        assertThat(peer.ice.failureCause()).hasValueSatisfying(e ->
            assertThat(e.reason()).isEqualTo(IceTransportFailure.CONSENT_EXPIRED));
        assertThat(peer.dtlsStates.await(DtlsTransportState.FAILED, TestPeer.WAIT)).isTrue();
        assertThat(peer.dtls.failureCause()).hasValueSatisfying(e ->
            assertThat(e.reason()).isEqualTo(DtlsTransportFailure.ICE_FAILED));
      }
    }
    ResourceProbe.settle(20, () -> ResourceProbe.ownThreads().equals(threadsBefore)
        || withoutMediaPool(ResourceProbe.ownThreads()).equals(withoutMediaPool(threadsBefore)));
    assertThat(withoutMediaPool(ResourceProbe.ownThreads()))
        .as("threads by name after the call").isEqualTo(withoutMediaPool(threadsBefore));
  }

  /** Media delivery threads end 1 s after their last task: not a leak, a moment's lag. */
  private static Map<String, Integer> withoutMediaPool(Map<String, Integer> threads) {
    Map<String, Integer> copy = new java.util.TreeMap<>(threads);
    copy.keySet().removeIf(name -> name.startsWith("ortc#j-media-")); // digits read as #
    return copy;
  }
}
