package org.ortc4j.samples.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The README's demo, run for one second: real ICE, DTLS and SRTP between two peers on loopback. */
class LoopbackCallTest {
  @Test
  @Timeout(60)
  void bothPeersConnectAndReceiveEveryPacketDecrypted() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    boolean complete = new LoopbackCall(out, 1).run();

    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(complete).as(text).isTrue();
    assertThat(text)
        .contains("alice  ICE CONNECTED", "bob    ICE CONNECTED")
        .contains("bob    DTLS connected as CLIENT", "alice  DTLS connected as SERVER")
        .contains("alice  DTLS closed by peer (close_notify)")
        .containsPattern("alice\\s+50\\s+50\\s+0\\s+0\\s+[0-9.]+ ms median")
        .containsPattern("bob\\s+50\\s+50\\s+0\\s+0\\s+[0-9.]+ ms median");
  }

  @Test
  @Timeout(60)
  void aSecondCallLeavesNoMoreThreadsThanTheFirst() throws Exception {
    call(); // the first one also starts what a JVM shares (ice4j's timer)
    long before = awaitThreadsAtMost(Long.MAX_VALUE);
    call();
    assertThat(awaitThreadsAtMost(before)).isLessThanOrEqualTo(before);
  }

  private static void call() throws Exception {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertThat(new LoopbackCall(quiet, 1).run()).isTrue();
  }

  /** Our thread count once it is at most {@code limit}, or after 5 s (threads end after close). */
  private static long awaitThreadsAtMost(long limit) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (liveDemoThreads() > limit && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    return liveDemoThreads();
  }

  /** Our own threads: DTLS sessions and ICE agents name theirs "ortc4j-...". */
  private static long liveDemoThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("ortc4j-"))
        .count();
  }
}
