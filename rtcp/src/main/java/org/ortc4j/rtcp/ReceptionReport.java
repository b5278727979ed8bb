package org.ortc4j.rtcp;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ortc4j.rtcp.internal.ByteReader;
import org.ortc4j.rtcp.internal.ByteWriter;
import org.ortc4j.rtcp.internal.FieldChecks;

/**
 * One report block of a Sender or Receiver Report: reception statistics for one source.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * |                 SSRC_n (SSRC of source n)                     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | fraction lost |       cumulative number of packets lost       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           extended highest sequence number received           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      interarrival jitter                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         last SR (LSR)                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                   delay since last SR (DLSR)                  |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * </pre>
 *
 * <p>The cumulative number of packets lost is a <em>signed</em> 24-bit value: duplicates can make
 * more packets arrive than were expected, and RFC 3550 §6.4.1 lets the count go negative.
 *
 * @param ssrc the source these statistics are about
 * @param fractionLost packets lost since the previous report, a fixed-point fraction of 256
 * @param cumulativeLost packets lost since reception began, in {@code [-2^23, 2^23)}
 * @param extendedHighestSequenceNumber the highest sequence number received, the count of sequence
 *     number cycles in its top 16 bits
 * @param jitter the interarrival jitter estimate, in RTP timestamp units
 * @param lastSenderReport LSR: the middle 32 bits of the NTP timestamp of the last SR received from
 *     the source (see {@link NtpTime#compact(long)}), 0 when none was
 * @param delaySinceLastSenderReport DLSR: time between receiving that SR and sending this block, in
 *     units of 1/65536 s, 0 when no SR was received
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3550#section-6.4.1">RFC 3550 §6.4.1</a>
 */
public record ReceptionReport(
    long ssrc,
    int fractionLost,
    int cumulativeLost,
    long extendedHighestSequenceNumber,
    long jitter,
    long lastSenderReport,
    long delaySinceLastSenderReport) {
  /** The size of a report block on the wire. */
  public static final int SIZE = 24;

  /** The smallest cumulative loss the signed 24-bit field holds. */
  public static final int MIN_CUMULATIVE_LOST = -(1 << 23);

  /** The largest cumulative loss the signed 24-bit field holds. */
  public static final int MAX_CUMULATIVE_LOST = (1 << 23) - 1;

  public ReceptionReport {
    FieldChecks.u32(ssrc, "ssrc");
    FieldChecks.u8(fractionLost, "fractionLost");
    FieldChecks.range(cumulativeLost, MIN_CUMULATIVE_LOST, MAX_CUMULATIVE_LOST, "cumulativeLost");
    FieldChecks.u32(extendedHighestSequenceNumber, "extendedHighestSequenceNumber");
    FieldChecks.u32(jitter, "jitter");
    FieldChecks.u32(lastSenderReport, "lastSenderReport");
    FieldChecks.u32(delaySinceLastSenderReport, "delaySinceLastSenderReport");
  }

  /** Reads one block; every field's whole range is valid, so only a short input fails. */
  static ReceptionReport read(ByteReader in) throws RtcpParseException {
    in.need(SIZE, "a report block");
    long ssrc = in.u32();
    int fractionLost = in.u8();
    int cumulativeLost = (in.u24() << 8) >> 8;
    return new ReceptionReport(
        ssrc, fractionLost, cumulativeLost, in.u32(), in.u32(), in.u32(), in.u32());
  }

  /** Reads {@code count} blocks (at most 31, already checked to fit). */
  /**
   * Reads the {@code count} report blocks of an SR or RR, failing with {@link
   * RtcpParseException.Reason#BAD_COUNT} before reading anything when they cannot fit.
   */
  static List<ReceptionReport> readAll(int count, ByteReader in) throws RtcpParseException {
    if (count * SIZE > in.remaining()) {
      throw in.error(
          RtcpParseException.Reason.BAD_COUNT,
          count + " report blocks do not fit in " + in.remaining() + " bytes");
    }
    List<ReceptionReport> reports = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      reports.add(read(in));
    }
    return reports;
  }

  void write(ByteWriter out) {
    out.u32(ssrc)
        .u8(fractionLost)
        .u24(cumulativeLost)
        .u32(extendedHighestSequenceNumber)
        .u32(jitter)
        .u32(lastSenderReport)
        .u32(delaySinceLastSenderReport);
  }

  /** {@link #fractionLost()} as a ratio in {@code [0, 1)}. */
  public double fractionLostRatio() {
    return fractionLost / 256.0;
  }

  /** The low 16 bits of {@link #extendedHighestSequenceNumber()}: an RTP sequence number. */
  public int highestSequenceNumber() {
    return (int) (extendedHighestSequenceNumber & 0xffff);
  }

  /** The high 16 bits of {@link #extendedHighestSequenceNumber()}: sequence number cycles. */
  public int sequenceNumberCycles() {
    return (int) (extendedHighestSequenceNumber >>> 16);
  }

  /** {@link #delaySinceLastSenderReport()} as a duration. */
  public Duration delaySinceLastSenderReportDuration() {
    return NtpTime.compactToDuration(delaySinceLastSenderReport);
  }

  /**
   * The round-trip time to the source, for a block that arrived at {@code arrival}; empty when the
   * source has not received a Sender Report from us yet (LSR 0).
   *
   * @see NtpTime#roundTripTime(ReceptionReport, Instant)
   */
  public Optional<Duration> roundTripTime(Instant arrival) {
    return NtpTime.roundTripTime(this, arrival);
  }
}
