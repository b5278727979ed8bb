package org.ortc4j.samples.call;

import java.io.PrintStream;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ortc4j.api.OrtcApi;
import org.ortc4j.api.OrtcSettings;
import org.ortc4j.ice.IceRole;

/**
 * Two peers in one JVM on 127.0.0.1, on the ORTC objects of the api module: each gathers (its
 * candidates trickled to the other), connects ICE (one controlling), runs DTLS-SRTP with role
 * auto (the role rule makes ICE controlling the DTLS server), then sends audio-like SRTP both
 * ways — 50 packets a second of 160 bytes, payload type 111, a Sender Report with a report
 * block every half second — and prints a timeline of every state change, the resolved roles,
 * the SRTP profile, the handshake time, and per peer the packets sent, received and lost and
 * the round-trip time the reports give. Exits 0 when every packet arrived and decrypted and the
 * hang-up's close_notify arrived.
 *
 * <pre>java -jar samples/target/ortc4j-demo.jar [seconds]</pre>
 */
public final class LoopbackCall {
  private static final int CONNECT_TIMEOUT_SECONDS = 20;
  private static final int DRAIN_TIMEOUT_MILLIS = 2_000;
  private static final long ALICE_SSRC = 0xA11CE;
  private static final long BOB_SSRC = 0xB0B;

  private final Timeline timeline;
  private final PrintStream out;
  private final int seconds;

  LoopbackCall(PrintStream out, int seconds) {
    this.out = out;
    this.seconds = seconds;
    this.timeline = new Timeline(out);
  }

  /** Held so that the level sticks: JUL keeps loggers weakly. */
  private static final List<Logger> QUIETED = List.of(Logger.getLogger(""));

  public static void main(String[] args) throws Exception {
    QUIETED.forEach(logger -> logger.setLevel(Level.WARNING)); // ice4j logs every pair and its config at INFO
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    System.exit(new LoopbackCall(System.out, seconds).run() ? 0 : 1);
  }

  /**
   * Runs the call; true when both sides received and decrypted every packet the other sent and
   * the hang-up's close_notify arrived.
   */
  boolean run() throws Exception {
    timeline.log("", "two peers on 127.0.0.1: alice ICE-controlling, bob ICE-controlled");
    OrtcApi api = OrtcApi.create(OrtcSettings.builder().loopbackOnly().build());
    try (Peer alice = new Peer(api, "alice", IceRole.CONTROLLING, ALICE_SSRC, timeline);
        Peer bob = new Peer(api, "bob", IceRole.CONTROLLED, BOB_SSRC, timeline)) {
      connectIce(alice, bob);
      connectDtls(alice, bob);
      exchangeMedia(alice, bob);
      awaitDelivery(alice, bob);
      finalReports(alice, bob);
      boolean complete = summarize(alice, bob);
      return hangUp(bob, alice) && complete;
    }
  }

  /** The caller closes first; the other side must see its close_notify before closing too. */
  private boolean hangUp(Peer caller, Peer other) throws InterruptedException {
    timeline.log("", "stopping: bob sends close_notify and closes ICE; then alice closes");
    caller.close();
    try {
      other.closedByPeer().get(DRAIN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
      return true;
    } catch (ExecutionException | TimeoutException e) {
      timeline.log("", "no close_notify arrived within " + DRAIN_TIMEOUT_MILLIS + " ms");
      return false;
    }
  }

  private void connectIce(Peer alice, Peer bob) throws Exception {
    alice.signalTo(bob);
    bob.signalTo(alice);
    alice.receiveFrom(BOB_SSRC);
    bob.receiveFrom(ALICE_SSRC);
    alice.gather();
    bob.gather();
    CompletableFuture<?> a = alice.startIce(bob.iceParameters());
    CompletableFuture<?> b = bob.startIce(alice.iceParameters());
    CompletableFuture.allOf(a, b).get(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  private void connectDtls(Peer alice, Peer bob) throws Exception {
    long start = System.nanoTime();
    CompletableFuture<Void> a = alice.startDtls(bob.dtlsParameters());
    CompletableFuture<Void> b = bob.startDtls(alice.dtlsParameters());
    CompletableFuture.allOf(a, b).get(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    timeline.log("", String.format("DTLS-SRTP handshake took %.1f ms; SRTP keyed on both sides",
        (System.nanoTime() - start) / 1e6));
  }

  /** Both peers send on one scheduler thread each (one writer per outbound SRTP context). */
  private void exchangeMedia(Peer alice, Peer bob) throws Exception {
    int packets = seconds * 50;
    timeline.log("", "sending " + packets + " RTP packets each way, 20 ms apart");
    ScheduledExecutorService a = Executors.newSingleThreadScheduledExecutor();
    ScheduledExecutorService b = Executors.newSingleThreadScheduledExecutor();
    try {
      CompletableFuture<Void> doneA = stream(alice, a, packets);
      CompletableFuture<Void> doneB = stream(bob, b, packets);
      CompletableFuture.allOf(doneA, doneB).get(seconds + 10L, TimeUnit.SECONDS);
    } finally {
      a.shutdownNow();
      b.shutdownNow();
      // the main thread writes next (finalReports): one writer per outbound SRTP context
      a.awaitTermination(5, TimeUnit.SECONDS);
      b.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  /**
   * Reports sent while both sides stream cross each other, so either side may end without an
   * RTT. One last round in turn, each report answering the one before, gives both sides one:
   * alice's SR, bob's SR (its block has alice's LSR: alice measures), alice's SR (bob measures).
   */
  private void finalReports(Peer alice, Peer bob) throws InterruptedException {
    timeline.log("", "final RTCP round: each Sender Report answers the previous one");
    long deadline = System.nanoTime() + DRAIN_TIMEOUT_MILLIS * 1_000_000L;
    Peer[] turns = {alice, bob, alice};
    for (Peer sender : turns) {
      Peer receiver = sender == alice ? bob : alice;
      long before = receiver.senderReportsReceived();
      sender.sendSenderReport();
      receiver.awaitSenderReports(before + 1, deadline);
    }
  }

  private static CompletableFuture<Void> stream(
      Peer peer, ScheduledExecutorService executor, int packets) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    int[] next = {0};
    ScheduledFuture<?>[] task = new ScheduledFuture<?>[1];
    task[0] = executor.scheduleAtFixedRate(() -> {
      int i = next[0]++;
      peer.sendRtp(i);
      if ((i + 1) % 25 == 0 || i + 1 == packets) {
        peer.sendSenderReport();
      }
      if (i + 1 == packets) {
        done.complete(null);
        task[0].cancel(false);
      }
    }, 0, 20, TimeUnit.MILLISECONDS);
    return done;
  }

  /** Packets still in flight after the last send: wait, bounded, for them to land. */
  private static void awaitDelivery(Peer alice, Peer bob) throws InterruptedException {
    long deadline = System.nanoTime() + DRAIN_TIMEOUT_MILLIS * 1_000_000L;
    alice.awaitReceived(bob.packetsSent(), deadline);
    bob.awaitReceived(alice.packetsSent(), deadline);
  }

  private boolean summarize(Peer alice, Peer bob) {
    out.println();
    out.println("peer   sent  received  lost  failed-to-decrypt  RTT (from RTCP reports)");
    boolean okA = line("alice", alice, bob);
    boolean okB = line("bob", bob, alice);
    out.println();
    return okA && okB;
  }

  private boolean line(String name, Peer peer, Peer remote) {
    List<Long> rtts = peer.roundTripMicros();
    LongSummaryStatistics s = rtts.stream().mapToLong(Long::longValue).summaryStatistics();
    String rtt = rtts.isEmpty() ? "none yet"
        : String.format("%.2f ms median of %d", median(rtts) / 1000.0, s.getCount());
    out.printf("%-6s %4d  %8d  %4d  %17d  %s%n", name, peer.packetsSent(),
        peer.packetsReceived(), peer.packetsLost(), peer.unprotectFailures(), rtt);
    return peer.packetsReceived() == remote.packetsSent() && peer.unprotectFailures() == 0;
  }

  private static double median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
