package org.ortc4j.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ortc4j.rtcp.NtpTime;
import org.ortc4j.rtcp.ReceiverEstimatedMaxBitrate;
import org.ortc4j.rtcp.ReceiverReport;
import org.ortc4j.rtcp.ReceptionReport;
import org.ortc4j.rtcp.RtcpPacket;
import org.ortc4j.rtcp.SenderReport;
import org.ortc4j.rtcp.SourceDescription;
import org.ortc4j.rtcp.TransportWideCcFeedback;
import org.ortc4j.rtcp.TwccArrival;

/**
 * The inputs of {@link RtcpBenchmark}, built from ortc4j records: what a WebRTC endpoint sends
 * every few hundred milliseconds (SR+SDES, RR+REMB) and every 50–100 ms (transport-wide CC).
 */
final class RtcpScenarios {
  private RtcpScenarios() {}

  static final long SENDER_SSRC = 0x1a2b_3c4dL;
  static final long RECEIVER_SSRC = 0x5e6f_7081L;
  static final long OTHER_SENDER_SSRC = 0x1a2b_3c4eL;

  /** 16 characters, as browsers pick. */
  static final String CNAME = "4TOk42mSjXCkVIa6";

  static final long REMB_BITRATE_BPS = 1_500_000;

  /** Transport-wide sequence number of the first status; no wrap within the feedback. */
  static final int TWCC_BASE_SEQUENCE = 1000;

  static final int TWCC_PACKETS = 100;
  static final int TWCC_FEEDBACK_COUNT = 7;

  /** Arrival time of the first packet, µs: some 20 minutes into the receiver's clock. */
  private static final long TWCC_START_MICROS = 1_234_567_000L;

  /** A reception report block with plausible statistics about {@code ssrc}. */
  static ReceptionReport receptionReport(long ssrc) {
    long lastSr = NtpTime.compact(Instant.parse("2025-06-01T12:00:00.250Z"));
    return new ReceptionReport(ssrc, 3, 17, 0x0001_2345L, 42, lastSr, 0x0000_8000L);
  }

  /** Sender Report with one report block, then SDES with the CNAME: 52 + 28 bytes. */
  static List<RtcpPacket> senderReportAndSdes() {
    long ntp = NtpTime.fromInstant(Instant.parse("2025-06-01T12:00:01.125Z"));
    SenderReport sr =
        new SenderReport(
            SENDER_SSRC,
            ntp,
            3_600_000_000L,
            12_345,
            9_876_543,
            List.of(receptionReport(RECEIVER_SSRC)));
    return List.of(sr, SourceDescription.cname(SENDER_SSRC, CNAME));
  }

  /** Receiver Report with one report block, then REMB for two SSRCs: 32 + 28 bytes. */
  static List<RtcpPacket> receiverReportAndRemb() {
    ReceiverReport rr = new ReceiverReport(RECEIVER_SSRC, List.of(receptionReport(SENDER_SSRC)));
    ReceiverEstimatedMaxBitrate remb =
        ReceiverEstimatedMaxBitrate.of(
            RECEIVER_SSRC, REMB_BITRATE_BPS, List.of(SENDER_SSRC, OTHER_SENDER_SSRC));
    return List.of(rr, remb);
  }

  /**
   * 100 transport-wide sequence numbers of a ~7 Mbit/s video stream (1200-byte packets): frames of
   * 25 packets every 33 ms, paced 0.25 to 1.5 ms apart; about 5 % lost at random plus a burst of 3,
   * and one 70 ms stall (a large receive delta). Fixed seed: the same packets every run.
   */
  static List<TwccArrival> twccArrivals() {
    Random random = new Random(20250601);
    List<TwccArrival> arrivals = new ArrayList<>(TWCC_PACKETS);
    long time = TWCC_START_MICROS;
    for (int i = 0; i < TWCC_PACKETS; i++) {
      int sequence = TWCC_BASE_SEQUENCE + i;
      if (i > 0) {
        time += i % 25 == 0 ? 33_000 - 24 * 875 : 250 + random.nextInt(1_250);
      }
      if (i == 70) {
        time += 70_000;
      }
      boolean lost = (i >= 40 && i <= 42) || (i != TWCC_PACKETS - 1 && random.nextInt(20) == 0);
      arrivals.add(lost ? TwccArrival.lost(sequence) : TwccArrival.received(sequence, time));
    }
    return List.copyOf(arrivals);
  }

  /** The reference time a receiver would pick for {@code arrivals}: 64 ms units, floored. */
  static int twccReferenceTime(List<TwccArrival> arrivals) {
    long first =
        arrivals.stream()
            .filter(TwccArrival::received)
            .mapToLong(TwccArrival::arrivalTimeMicros)
            .min()
            .orElseThrow();
    return (int) (first / TransportWideCcFeedback.REFERENCE_TIME_UNIT_MICROS);
  }

  /** Transport-wide CC feedback for {@link #twccArrivals()}, alone (reduced-size RTCP). */
  static TransportWideCcFeedback twcc(List<TwccArrival> arrivals) {
    return TransportWideCcFeedback.fromArrivals(
        RECEIVER_SSRC,
        SENDER_SSRC,
        TWCC_BASE_SEQUENCE,
        twccReferenceTime(arrivals),
        TWCC_FEEDBACK_COUNT,
        arrivals);
  }
}
