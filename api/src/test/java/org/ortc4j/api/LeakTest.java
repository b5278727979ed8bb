package org.ortc4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ortc4j.api.ResourceProbe.openSockets;
import static org.ortc4j.api.ResourceProbe.ownThreads;
import static org.ortc4j.api.ResourceProbe.sharedPoolThreads;
import static org.ortc4j.api.ResourceProbe.socketList;
import static org.ortc4j.api.ResourceProbe.usedHeapAfterGc;

import io.reactivex.rxjava3.subscribers.TestSubscriber;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.ortc4j.rtp.RtpPacket;

/**
 * 200 complete calls in one JVM, one after the other — gather, ICE, DTLS, a few RTP packets
 * each way, stop DTLS then ICE — leave nothing behind: no thread of ours or of a per-call part
 * of ice4j, no open socket, no retained heap. ice4j (its agent scheduler, task pools) and RxJava
 * (computation) keep JVM-wide pools whose idle threads may stay, up to {@link #SHARED_CAP}.
 *
 * <p>Threads and sockets are compared with what two warm-up calls left; the heap with the used
 * heap after a full GC then, allowing {@link #HEAP_MARGIN} for what the JIT and the JDK's own
 * caches grow by. Each comparison is polled until a deadline, since threads end and sockets
 * close a moment after the call that ended them.
 */
class LeakTest {
  private static final int CYCLES = 200;
  private static final int WARM_UP = 2;
  private static final int PACKETS = 3;
  private static final int SHARED_CAP = 24;
  private static final long HEAP_MARGIN = 64L << 20;
  private static final long SETTLE_SECONDS = 20;
  private static final long SSRC_A = 0xA;
  private static final long SSRC_B = 0xB;

  @Test
  void twoHundredCallsReturnThreadsSocketsAndHeapToTheBaseline() throws Exception {
    OrtcSettings settings = TestPeer.settings().build();
    for (int i = 0; i < WARM_UP; i++) {
      call(settings);
    }
    ResourceProbe.settle(SETTLE_SECONDS, () -> Thread.getAllStackTraces().keySet().stream()
        .noneMatch(t -> t.getName().startsWith("ortc4j-media-"))); // idle ones end after 1 s
    long sockets = openSockets();
    Map<String, Integer> threads = ownThreads();
    long heap = usedHeapAfterGc();

    long start = System.nanoTime();
    for (int i = 0; i < CYCLES; i++) {
      call(settings);
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    System.out.printf("LeakTest: %d calls in %d ms (%d ms each)%n", CYCLES, millis,
        millis / CYCLES);

    ResourceProbe.settle(SETTLE_SECONDS, () -> openSockets() <= sockets && ownThreads().equals(threads)
        && usedHeapAfterGc() < heap + HEAP_MARGIN);
    assertThat(openSockets()).as("open sockets:%s", socketList()).isLessThanOrEqualTo(sockets);
    assertThat(ownThreads()).as("threads by name (digits as #)").isEqualTo(threads);
    assertThat(sharedPoolThreads()).as("idle threads of JVM-wide pools")
        .isLessThanOrEqualTo(SHARED_CAP);
    assertThat(usedHeapAfterGc()).as("used heap after GC, baseline %d MB", heap >> 20)
        .isLessThan(heap + HEAP_MARGIN);
  }

  /** One call from gathering to both transports stopped. */
  static void call(OrtcSettings settings) throws Exception {
    try (TestCall call = new TestCall(settings, settings)) {
      TestPeer a = call.controlling;
      TestPeer b = call.controlled;
      TestSubscriber<RtpPacket> atB = b.dtls.readRtp(SSRC_A).test();
      TestSubscriber<RtpPacket> atA = a.dtls.readRtp(SSRC_B).test();
      call.connect().get(TestPeer.WAIT.toSeconds(), TimeUnit.SECONDS);
      for (int i = 0; i < PACKETS; i++) {
        a.dtls.writeRtp(MediaRobustnessTest.packet(SSRC_A, i));
        b.dtls.writeRtp(MediaRobustnessTest.packet(SSRC_B, i));
      }
      assertThat(atB.awaitCount(PACKETS).values()).hasSize(PACKETS);
      assertThat(atA.awaitCount(PACKETS).values()).hasSize(PACKETS);
      a.dtls.stop();
      b.dtls.stop();
      a.ice.stop();
      b.ice.stop();
      atA.awaitDone(TestPeer.WAIT.toSeconds(), TimeUnit.SECONDS).assertComplete();
      atB.awaitDone(TestPeer.WAIT.toSeconds(), TimeUnit.SECONDS).assertComplete();
    }
  }
}
