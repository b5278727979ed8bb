package org.ortc4j.samples.call;

import java.time.Duration;
import java.util.Optional;
import org.ortc4j.rtcp.NtpTime;
import org.ortc4j.rtcp.ReceptionReport;

/**
 * What a receiver knows about one remote RTP source, enough for an RFC 3550 report block:
 * packets received, the extended highest sequence number, interarrival jitter, and the last
 * Sender Report seen (for LSR/DLSR, which let the sender compute the round-trip time).
 *
 * <p>Updated by the ICE read loop, read by the media thread: every method is synchronized (a
 * demo's two threads, not a hot path).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3550#appendix-A.1">RFC 3550 A.1, A.3, A.8</a>
 */
final class ReceiveStats {
  private final int clockRate;
  private long ssrc = -1;
  private long received;
  private long baseSequence = -1;
  private long extendedHighest;
  private double jitter;
  private long lastTransit = Long.MIN_VALUE;
  private long lastSrCompact;
  private long lastSrArrivalNanos;
  private long expectedPrior;
  private long receivedPrior;
  private long senderReports;

  ReceiveStats(int clockRate) {
    this.clockRate = clockRate;
  }

  synchronized void onRtp(long sourceSsrc, int sequence, long timestamp, long arrivalNanos) {
    ssrc = sourceSsrc;
    received++;
    if (baseSequence < 0) {
      baseSequence = sequence;
      extendedHighest = sequence;
    } else {
      extendedHighest = extend(sequence);
    }
    updateJitter(timestamp, arrivalNanos);
    notifyAll();
  }

  /** Waits until {@code count} packets have arrived or the deadline passes; true if they did. */
  synchronized boolean awaitReceived(long count, long deadlineNanos) throws InterruptedException {
    long left;
    while (received < count && (left = deadlineNanos - System.nanoTime()) > 0) {
      wait(Math.max(1, left / 1_000_000));
    }
    return received >= count;
  }

  /** The sequence number with its cycle count, taking the candidate nearest the highest seen. */
  private long extend(int sequence) {
    long cycles = extendedHighest & ~0xFFFFL;
    long candidate = cycles | sequence;
    if (candidate < extendedHighest - 0x8000) {
      candidate += 0x10000;
    } else if (candidate > extendedHighest + 0x8000) {
      candidate -= 0x10000;
    }
    return Math.max(candidate, extendedHighest);
  }

  private void updateJitter(long timestamp, long arrivalNanos) {
    long arrival = arrivalNanos * clockRate / 1_000_000_000L;
    long transit = arrival - timestamp;
    if (lastTransit != Long.MIN_VALUE) {
      jitter += (Math.abs(transit - lastTransit) - jitter) / 16.0;
    }
    lastTransit = transit;
  }

  synchronized void onSenderReport(long ntpTimestamp, long arrivalNanos) {
    lastSrCompact = NtpTime.compact(ntpTimestamp);
    lastSrArrivalNanos = arrivalNanos;
    senderReports++;
    notifyAll();
  }

  synchronized long senderReports() {
    return senderReports;
  }

  /** Waits until {@code count} Sender Reports have arrived or the deadline passes. */
  synchronized boolean awaitSenderReports(long count, long deadlineNanos)
      throws InterruptedException {
    long left;
    while (senderReports < count && (left = deadlineNanos - System.nanoTime()) > 0) {
      wait(Math.max(1, left / 1_000_000));
    }
    return senderReports >= count;
  }

  synchronized long received() {
    return received;
  }

  /** Packets expected from the first to the highest sequence number, minus those that came. */
  synchronized long lost() {
    return baseSequence < 0 ? 0 : Math.max(0, expected() - received);
  }

  private long expected() {
    return extendedHighest - baseSequence + 1;
  }

  /** A report block on this source, or empty before its first packet. */
  synchronized Optional<ReceptionReport> report(long nowNanos) {
    if (ssrc < 0) {
      return Optional.empty();
    }
    long expectedInterval = expected() - expectedPrior;
    long lostInterval = expectedInterval - (received - receivedPrior);
    expectedPrior = expected();
    receivedPrior = received;
    int fraction = expectedInterval <= 0 || lostInterval <= 0
        ? 0 : (int) Math.min(255, (lostInterval << 8) / expectedInterval);
    long dlsr = lastSrCompact == 0 ? 0
        : NtpTime.durationToCompact(Duration.ofNanos(nowNanos - lastSrArrivalNanos));
    int cumulative = (int) Math.min(lost(), ReceptionReport.MAX_CUMULATIVE_LOST);
    return Optional.of(new ReceptionReport(ssrc, fraction, cumulative,
        extendedHighest & 0xFFFF_FFFFL, (long) jitter, lastSrCompact, dlsr));
  }
}
