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
import org.ortc4j.dtls.DtlsHandshakeResult;
import org.ortc4j.ice.IceRole;

/**
 * Two peers in one JVM on 127.0.0.1: ICE (trickled candidates, one controlling), DTLS-SRTP over
 * the selected pair (ICE controlling = DTLS server), then audio-like SRTP both ways — 50 packets
 * a second of 160 bytes, payload type 111, a Sender Report with a report block every half
 * second — and a timeline of what happened, with the round-trip time the reports give.
 *
 * <p>Built on the lower modules (ice, dtls, srtp, rtcp) directly; the ORTC objects of the api
 * module will do the wiring done here by hand. Exits 0 when every packet arrived and decrypted.
 *
 * <pre>java -cp ... org.ortc4j.samples.call.LoopbackCall [seconds]</pre>
 */
public final class LoopbackCall {
  private static final int CONNECT_TIMEOUT_SECONDS = 20;
  private static final int DRAIN_TIMEOUT_MILLIS = 2_000;

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
    try (Peer alice = new Peer("alice", IceRole.CONTROLLING, 0xA11CE, timeline);
        Peer bob = new Peer("bob", IceRole.CONTROLLED, 0xB0B, timeline)) {
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
    alice.gather();
    bob.gather();
    CompletableFuture<?> a = alice.startIce(bob.iceParameters());
    CompletableFuture<?> b = bob.startIce(alice.iceParameters());
    CompletableFuture.allOf(a, b).get(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  private void connectDtls(Peer alice, Peer bob) throws Exception {
    long start = System.nanoTime();
    CompletableFuture<DtlsHandshakeResult> a = alice.startDtls(bob.fingerprint());
    CompletableFuture<DtlsHandshakeResult> b = bob.startDtls(alice.fingerprint());
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
