package org.ortc4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ortc4j.api.ResourceProbe.liveThreads;
import static org.ortc4j.api.ResourceProbe.openFds;
import static org.ortc4j.api.ResourceProbe.usedHeapAfterGc;

import io.reactivex.rxjava3.disposables.Disposable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.ortc4j.rtcp.NtpTime;
import org.ortc4j.rtcp.SenderReport;
import org.ortc4j.rtp.RtpHeader;
import org.ortc4j.rtp.RtpPacket;

/**
 * A soak: one pair streams audio-like RTP at 50 packets/s both ways with a Sender Report every
 * second, for {@code -Dortc4j.soak.duration} (ISO-8601, default PT10M), while another pair is
 * connected, used and stopped every second. Nothing may be lost on the streaming pair (each
 * sequence number exactly once), no churn call may fail, and heap after GC, threads and file
 * descriptors may not grow: the samples of the last part of the run are compared with the
 * first one after warm-up. Writes {@code target/hardening/soak.txt}. Left out of {@code mvn
 * verify} (tag {@code long}): {@code .ci/run} runs it.
 */
@Tag("long")
class SoakTest {
  private static final Duration DURATION =
      Duration.parse(System.getProperty("ortc4j.soak.duration", "PT10M"));
  private static final long SSRC_A = 0x50A;
  private static final long SSRC_B = 0x50B;
  private static final int SAMPLES = 20;
  // Bounds on growth between the first sample after warm-up and the late ones. Heap: room for
  // the JIT's and JDK caches' drift, far below what a leak of one object graph per churn call
  // (hundreds of KiB each, ~600 calls) would add. Threads and fds: a churn call's own (~20
  // threads, 2 sockets) may be alive at a sample, and idle media threads end within 1 s.
  private static final long HEAP_GROWTH = 32L << 20;
  private static final long THREAD_GROWTH = 24;
  private static final long FD_GROWTH = 8;

  @Test
  void aStreamingPairLosesNothingAndChurnLeavesNoGrowth() throws Exception {
    OrtcSettings settings = TestPeer.settings().build();
    ScheduledExecutorService senders = Executors.newScheduledThreadPool(2);
    ScheduledExecutorService churn = Executors.newSingleThreadScheduledExecutor();
    List<Sample> samples = new ArrayList<>();
    AtomicLong churnCalls = new AtomicLong();
    AtomicLong churnFailures = new AtomicLong();
    try (TestCall call = new TestCall(settings, settings)) {
      Stream toB = new Stream(call.controlling.dtls, SSRC_A);
      Stream toA = new Stream(call.controlled.dtls, SSRC_B);
      Disposable readB = call.controlled.dtls.readRtp(SSRC_A).subscribe(toB::arrived);
      Disposable readA = call.controlling.dtls.readRtp(SSRC_B).subscribe(toA::arrived);
      call.connect().get(TestPeer.WAIT.toSeconds(), TimeUnit.SECONDS);
      senders.scheduleAtFixedRate(toB::sendNext, 0, 20, TimeUnit.MILLISECONDS);
      senders.scheduleAtFixedRate(toA::sendNext, 10, 20, TimeUnit.MILLISECONDS);

      long end = System.nanoTime() + DURATION.toNanos();
      long interval = DURATION.toNanos() / SAMPLES;
      churn.scheduleWithFixedDelay(() -> churnOnce(settings, churnCalls, churnFailures),
          0, 1, TimeUnit.SECONDS);
      for (int i = 1; i <= SAMPLES; i++) {
        long at = System.nanoTime() + interval;
        // the sampler runs on the churn thread: between two churn calls, never inside one
        samples.add(churn.schedule(Sample::take,
            Math.max(0, at - System.nanoTime()), TimeUnit.NANOSECONDS).get(interval * 2,
            TimeUnit.NANOSECONDS));
      }
      assertThat(System.nanoTime()).isGreaterThanOrEqualTo(end - interval);
      senders.shutdown();
      assertThat(senders.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
      toB.awaitAllArrived();
      toA.awaitAllArrived();
      readA.dispose();
      readB.dispose();

      writeReport(samples, toB, toA, churnCalls.get(), churnFailures.get());
      toB.assertNothingLost();
      toA.assertNothingLost();
      assertThat(call.controlled.dtls.counters().rtcpReceived()).isGreaterThan(SAMPLES);
    } finally {
      senders.shutdownNow();
      churn.shutdownNow();
      churn.awaitTermination(30, TimeUnit.SECONDS);
    }
    assertThat(churnFailures.get()).as("churn calls that failed").isZero();
    assertThat(churnCalls.get()).as("churn calls").isGreaterThan(DURATION.toSeconds() / 4);
    assertNoGrowth(samples);
  }

  /** One more pair: connect, one packet each way, stop. */
  private static void churnOnce(OrtcSettings settings, AtomicLong calls, AtomicLong failures) {
    try {
      LeakTest.call(settings);
      calls.incrementAndGet();
    } catch (Throwable t) {
      failures.incrementAndGet();
      System.err.println("SoakTest churn call failed: " + t);
    }
  }

  /** The first sample after warm-up (a fifth of the run) against the last quarter's. */
  private static void assertNoGrowth(List<Sample> samples) {
    Sample base = samples.get(SAMPLES / 5);
    for (Sample late : samples.subList(SAMPLES * 3 / 4, SAMPLES)) {
      assertThat(late.heap - base.heap).as("heap growth %s -> %s", base, late)
          .isLessThan(HEAP_GROWTH);
      assertThat(late.threads - base.threads).as("thread growth %s -> %s", base, late)
          .isLessThanOrEqualTo(THREAD_GROWTH);
      assertThat(late.fds - base.fds).as("fd growth %s -> %s", base, late)
          .isLessThanOrEqualTo(FD_GROWTH);
    }
  }

  private static void writeReport(List<Sample> samples, Stream toB, Stream toA, long calls,
      long failures) throws IOException {
    StringBuilder text = new StringBuilder(String.format(
        "SoakTest: %s; streaming pair sent %d/%d, received %d/%d (a->b / b->a), "
            + "duplicates %d/%d; churn calls %d, failed %d%n"
            + "  sample  t(s)  heap after GC (MiB)  threads  fds%n",
        DURATION, toB.sent(), toA.sent(), toB.received(), toA.received(), toB.duplicates(),
        toA.duplicates(), calls, failures));
    long start = samples.get(0).nanos;
    for (int i = 0; i < samples.size(); i++) {
      Sample s = samples.get(i);
      text.append(String.format("  %6d %5d %20.1f %8d %4d%n", i + 1,
          TimeUnit.NANOSECONDS.toSeconds(s.nanos - start), s.heap / 1048576.0, s.threads,
          s.fds));
    }
    System.out.print(text);
    Path dir = Path.of("target", "hardening");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("soak.txt"), text);
  }

  /** Heap after GC, live threads and open fds at one moment. */
  private record Sample(long nanos, long heap, long threads, long fds) {
    static Sample take() {
      return new Sample(System.nanoTime(), usedHeapAfterGc(), liveThreads(), openFds());
    }
  }

  /** One direction of the streaming pair: what was sent, and each sequence number's arrivals. */
  private static final class Stream {
    private final DtlsTransport sender;
    private final long ssrc;
    private final BitSet arrived = new BitSet();
    private long sent;
    private long received;
    private long duplicates;

    Stream(DtlsTransport sender, long ssrc) {
      this.sender = sender;
      this.ssrc = ssrc;
    }

    /** Runs on one sender thread; an SR every 50 packets (one second). */
    void sendNext() {
      long n;
      synchronized (this) {
        n = sent;
      }
      byte[] payload = new byte[160];
      sender.writeRtp(new RtpHeader(n == 0, 111, (int) (n & 0xFFFF), n * 960 & 0xFFFF_FFFFL,
          ssrc), payload);
      synchronized (this) {
        sent = n + 1;
      }
      if (n % 50 == 49) {
        sender.writeRtcp(List.of(new SenderReport(ssrc, NtpTime.fromInstant(Instant.now()),
            n * 960 & 0xFFFF_FFFFL, n + 1, (n + 1) * 160, List.of())));
      }
    }

    /** Sequence numbers wrap every 65536 packets (21 minutes): extended by arrival order. */
    synchronized void arrived(RtpPacket packet) {
      int seq = packet.header().sequenceNumber();
      long cycle = received >> 16;
      long extended = (cycle << 16) | seq;
      if (extended < received - 0x8000) {
        extended += 0x10000;
      }
      if (arrived.get((int) extended)) {
        duplicates++;
      } else {
        arrived.set((int) extended);
        received++;
      }
      notifyAll();
    }

    synchronized void awaitAllArrived() throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (received < sent && System.nanoTime() < deadline) {
        wait(100);
      }
    }

    synchronized void assertNothingLost() {
      assertThat(duplicates).as("duplicates of ssrc %x", ssrc).isZero();
      assertThat(received).as("received of ssrc %x", ssrc).isEqualTo(sent);
      assertThat(arrived.nextClearBit(0)).as("first missing sequence").isEqualTo((int) sent);
    }

    synchronized long sent() {
      return sent;
    }

    synchronized long received() {
      return received;
    }

    synchronized long duplicates() {
      return duplicates;
    }
  }
}
