package org.ortc4j.bench;

import io.reactivex.rxjava3.disposables.Disposable;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.ortc4j.api.DtlsTransport;
import org.ortc4j.api.MediaCounters;
import org.ortc4j.rtp.RtpHeader;
import org.ortc4j.rtp.RtpPacket;

/**
 * RTP end to end over a connected {@link ApiCallPair}: {@code writeRtp} (SRTP protect, ICE
 * send) on one side, ICE read loop, SRTP unprotect, parse and a {@code readRtp} subscriber on
 * the other. Each sender thread paces its packets at a target rate for a fixed time (it wakes
 * every ~200 µs and sends what is due, as a pacer sends small bursts); then the run waits until nothing more arrives and
 * compares what was sent with what each subscriber got and with the {@link MediaCounters} of
 * both sides.
 */
final class MediaThroughput {
  static final int PAYLOAD = 1200;
  private static final long SSRC_A = 0xA0A0_0001L;
  private static final long SSRC_B = 0xB0B0_0002L;
  private static final long PARK_NANOS = 200_000;
  private static final java.lang.management.ThreadMXBean THREAD_CPU =
      ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean PROCESS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  /** A sender that falls this far behind its pace did not hold the rate. */
  private static final double KEPT_PACE = 0.97;

  private final Stream forward;
  private final Stream backward;

  MediaThroughput(ApiCallPair pair) {
    forward = new Stream(pair.controlling.dtls, pair.controlled.dtls, SSRC_A);
    backward = new Stream(pair.controlled.dtls, pair.controlling.dtls, SSRC_B);
  }

  /** What one direction did in one paced run. */
  record Direction(String name, long target, long sent, double sentPerSecond,
      double senderCores, long delivered, MediaCounters sender, MediaCounters receiver) {
    /** Sent but never seen by the receiver's SRTP: lost on the way (socket buffers). */
    long lostOnTheWay() {
      return sent - receiver.rtpReceived() - receiver.authFailures() - receiver.replayed()
          - receiver.otherSrtpDrops() - receiver.earlyDrops();
    }

    boolean lossless() {
      return delivered == sent && sent > 0;
    }

    boolean keptPace() {
      return sentPerSecond >= KEPT_PACE * target;
    }

    String describe() {
      return String.format(Locale.ROOT, "%s sent %d (%.0f/s, sender thread %.2f cores), "
          + "delivered %d, lost %d (on the way %d, readerDrops %d, unrouted %d, auth %d, "
          + "replayed %d, sendFailures %d)",
          name, sent, sentPerSecond, senderCores, delivered, sent - delivered, lostOnTheWay(),
          receiver.readerDrops(), receiver.unrouted(), receiver.authFailures(),
          receiver.replayed(), sender.sendFailures());
    }

    String toJson() {
      return String.format(Locale.ROOT, "{\"direction\": \"%s\", \"targetPerSecond\": %d, "
          + "\"sent\": %d, \"sentPerSecond\": %.0f, \"senderCores\": %.2f, \"delivered\": %d, "
          + "\"lostOnTheWay\": %d, "
          + "\"readerDrops\": %d, \"unrouted\": %d, \"authFailures\": %d, \"replayed\": %d, "
          + "\"rtpReceived\": %d, \"sendFailures\": %d}", name, target, sent, sentPerSecond,
          senderCores, delivered, lostOnTheWay(), receiver.readerDrops(), receiver.unrouted(),
          receiver.authFailures(), receiver.replayed(), receiver.rtpReceived(),
          sender.sendFailures());
    }
  }

  /**
   * One paced run: every direction at {@code ratePerDirection}; {@code cpuCores} is this
   * process's CPU time over the run's wall time (senders, read loops, media threads, JIT, GC).
   */
  record Run(long ratePerDirection, List<Direction> directions, double cpuCores) {
    boolean lossless() {
      return directions.stream().allMatch(d -> d.lossless() && d.keptPace());
    }
  }

  /**
   * Sends at {@code ratePerDirection} packets/s for {@code seconds}, forward only or both ways
   * at once, and waits for the last arrivals.
   */
  Run run(long ratePerDirection, double seconds, boolean bothWays) throws Exception {
    List<Stream> streams = bothWays ? List.of(forward, backward) : List.of(forward);
    List<Stream.Snapshot> before = new ArrayList<>();
    streams.forEach(s -> before.add(s.snapshot()));
    long cpuBefore = PROCESS.getProcessCpuTime();
    long wallBefore = System.nanoTime();
    List<Thread> senders = new ArrayList<>();
    for (Stream stream : streams) {
      Thread sender = new Thread(() -> stream.pace(ratePerDirection, seconds), "bench-sender");
      sender.start();
      senders.add(sender);
    }
    for (Thread sender : senders) {
      sender.join(TimeUnit.SECONDS.toMillis(60));
    }
    double cpuCores = (double) (PROCESS.getProcessCpuTime() - cpuBefore)
        / (System.nanoTime() - wallBefore);
    awaitQuiet(streams);
    List<Direction> directions = new ArrayList<>();
    for (int i = 0; i < streams.size(); i++) {
      directions.add(streams.get(i).since(before.get(i), ratePerDirection,
          i == 0 ? "a->b" : "b->a"));
    }
    return new Run(ratePerDirection, directions, cpuCores);
  }

  /** Waits until no subscriber got anything for 300 ms (bounded at 20 s). */
  private static void awaitQuiet(List<Stream> streams) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    long last = -1;
    while (System.nanoTime() < deadline) {
      long now = streams.stream().mapToLong(s -> s.delivered.sum()).sum();
      if (now == last) {
        return;
      }
      last = now;
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(300));
    }
  }

  /** Ends the subscriptions (the transports are stopped by the pair). */
  void close() {
    forward.subscription.dispose();
    backward.subscription.dispose();
  }

  /** One direction: a sender transport, a receiver transport and a subscriber that counts. */
  private static final class Stream {
    final DtlsTransport tx;
    final DtlsTransport rx;
    final LongAdder delivered = new LongAdder();
    final Disposable subscription;
    final byte[] packet;
    volatile long sent;
    volatile double sentPerSecond;
    volatile double senderCores;
    private int sequence;

    Stream(DtlsTransport tx, DtlsTransport rx, long ssrc) {
      this.tx = tx;
      this.rx = rx;
      this.subscription = rx.readRtp(ssrc).subscribe(p -> delivered.increment());
      this.packet = new RtpPacket(new RtpHeader(false, 96, 0, 0, ssrc), new byte[PAYLOAD])
          .serialize();
    }

    record Snapshot(long delivered, MediaCounters sender, MediaCounters receiver) {}

    Snapshot snapshot() {
      return new Snapshot(delivered.sum(), tx.counters(), rx.counters());
    }

    Direction since(Snapshot before, long target, String name) {
      Snapshot now = snapshot();
      return new Direction(name, target, sent, sentPerSecond, senderCores,
          now.delivered - before.delivered,
          minus(now.sender, before.sender), minus(now.receiver, before.receiver));
    }

    /** Paced sending on the calling thread; sets {@link #sent} and the rate achieved. */
    void pace(long rate, double seconds) {
      long total = (long) (rate * seconds);
      long count = 0;
      long start = System.nanoTime();
      long cpu = THREAD_CPU.getCurrentThreadCpuTime();
      while (count < total) {
        long due = Math.min(total, (System.nanoTime() - start) * rate / 1_000_000_000L + 1);
        for (; count < due; count++) {
          writeNext();
        }
        LockSupport.parkNanos(PARK_NANOS);
      }
      long wall = System.nanoTime() - start;
      senderCores = (double) (THREAD_CPU.getCurrentThreadCpuTime() - cpu) / wall;
      sentPerSecond = count / (wall / 1e9);
      sent = count;
    }

    /** The next packet of the stream: sequence number and a 90 kHz timestamp move on. */
    private void writeNext() {
      int seq = sequence++ & 0xFFFF;
      long timestamp = 90L * sequence;
      packet[2] = (byte) (seq >>> 8);
      packet[3] = (byte) seq;
      packet[4] = (byte) (timestamp >>> 24);
      packet[5] = (byte) (timestamp >>> 16);
      packet[6] = (byte) (timestamp >>> 8);
      packet[7] = (byte) timestamp;
      tx.writeRtp(packet, 0, packet.length);
    }
  }

  static MediaCounters minus(MediaCounters a, MediaCounters b) {
    return new MediaCounters(a.rtpSent() - b.rtpSent(), a.rtcpSent() - b.rtcpSent(),
        a.sendFailures() - b.sendFailures(), a.rtpReceived() - b.rtpReceived(),
        a.rtcpReceived() - b.rtcpReceived(), a.authFailures() - b.authFailures(),
        a.replayed() - b.replayed(), a.otherSrtpDrops() - b.otherSrtpDrops(),
        a.malformed() - b.malformed(), a.unrouted() - b.unrouted(),
        a.readerDrops() - b.readerDrops(), a.earlyDrops() - b.earlyDrops(),
        a.demuxDrops() - b.demuxDrops());
  }
}
