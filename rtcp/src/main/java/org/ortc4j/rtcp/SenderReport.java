package org.ortc4j.rtcp;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.ortc4j.rtcp.internal.ByteReader;
import org.ortc4j.rtcp.internal.ByteWriter;
import org.ortc4j.rtcp.internal.FieldChecks;

/**
 * Sender Report (SR): what an active sender has sent, with the NTP/RTP timestamp pair receivers use
 * for lip sync and round-trip times, plus reception report blocks as in a Receiver Report.
 *
 * <pre>
 *         0                   1                   2                   3
 *         0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *        +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * header |V=2|P|    RC   |   PT=SR=200   |             length            |
 *        +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *        |                         SSRC of sender                        |
 *        +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * sender |              NTP timestamp, most significant word             |
 * info   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *        |             NTP timestamp, least significant word             |
 *        +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *        |                         RTP timestamp                         |
 *        +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *        |                     sender's packet count                     |
 *        +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *        |                      sender's octet count                     |
 *        +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * report |                 report blocks (RC × 24 bytes)                 |
 * blocks :                  see {@link ReceptionReport}                  :
 *        +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 *        |                  profile-specific extensions                  |
 *        +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>The NTP timestamp is one {@code long} holding the raw 64 bits (seconds word high, fraction
 * word low; negative as a Java {@code long} until 2036): {@link NtpTime} converts it, and {@link
 * #wallClockOf(long, int)} and {@link #rtpTimestampAt(Instant, int)} map between RTP timestamps and
 * wall-clock time through this report's (NTP, RTP) pair.
 *
 * @param ssrc the sender's SSRC
 * @param ntpTimestamp the wall-clock time of this report, as raw NTP bits (any value)
 * @param rtpTimestamp the same instant in the RTP timestamp units of the sender's stream
 * @param packetCount RTP data packets sent since the sender started (modulo 2^32)
 * @param octetCount RTP payload octets sent since the sender started (modulo 2^32)
 * @param reports at most 31 report blocks, on the sources this sender receives
 * @param profileExtensions bytes after the report blocks, whole words, kept raw (copied in and out)
 * @param padding bytes of RTCP padding, the count byte included: 0 or a multiple of 4 up to 252
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3550#section-6.4.1">RFC 3550 §6.4.1</a>
 */
public record SenderReport(
    long ssrc,
    long ntpTimestamp,
    long rtpTimestamp,
    long packetCount,
    long octetCount,
    List<ReceptionReport> reports,
    byte[] profileExtensions,
    int padding)
    implements RtcpPacket {
  /** The most report blocks the 5-bit count field allows. */
  public static final int MAX_REPORTS = 31;

  /** Bytes of the sender's SSRC and the sender info. */
  private static final int FIXED_SIZE = 24;

  public SenderReport {
    FieldChecks.u32(ssrc, "ssrc");
    FieldChecks.u32(rtpTimestamp, "rtpTimestamp");
    FieldChecks.u32(packetCount, "packetCount");
    FieldChecks.u32(octetCount, "octetCount");
    reports = FieldChecks.list(reports, MAX_REPORTS, "reports");
    profileExtensions = PacketChecks.words(profileExtensions, "profileExtensions");
    PacketChecks.requireWholeWords(
        "SR", FIXED_SIZE + reports.size() * ReceptionReport.SIZE + profileExtensions.length, padding);
  }

  /** A Sender Report without profile-specific extensions or padding. */
  public SenderReport(
      long ssrc,
      long ntpTimestamp,
      long rtpTimestamp,
      long packetCount,
      long octetCount,
      List<ReceptionReport> reports) {
    this(ssrc, ntpTimestamp, rtpTimestamp, packetCount, octetCount, reports, new byte[0], 0);
  }

  static SenderReport parseBody(int count, ByteReader body, int padding) throws RtcpParseException {
    body.need(FIXED_SIZE, "the sender's SSRC and sender info");
    long ssrc = body.u32();
    long ntp = body.u64();
    long rtp = body.u32();
    long packets = body.u32();
    long octets = body.u32();
    List<ReceptionReport> reports = ReceptionReport.readAll(count, body);
    byte[] extensions = PacketChecks.readWords(body, "profile-specific extension");
    return new SenderReport(ssrc, ntp, rtp, packets, octets, reports, extensions, padding);
  }

  /** A copy of the profile-specific extensions. */
  @Override
  public byte[] profileExtensions() {
    return profileExtensions.clone();
  }

  /** The wall-clock time of this report: {@link #ntpTimestamp()} as an instant. */
  public Instant wallClock() {
    return NtpTime.toInstant(ntpTimestamp);
  }

  /**
   * The wall-clock time at which the sender sampled {@code rtpTimestamp}, by this report's (NTP,
   * RTP) pair. RTP timestamps wrap at 2^32, so the one given is taken as the nearest to this
   * report's: at most 2^31 ticks (about 6.6 hours at 90 kHz) before or after it.
   *
   * @param clockRate the stream's RTP clock rate in Hz (e.g. 90000 for video, 48000 for Opus)
   * @throws IllegalArgumentException if {@code rtpTimestamp} is not an unsigned 32-bit value or
   *     {@code clockRate} is not positive
   */
  public Instant wallClockOf(long rtpTimestamp, int clockRate) {
    FieldChecks.u32(rtpTimestamp, "rtpTimestamp");
    checkClockRate(clockRate);
    long ticks = (int) (rtpTimestamp - this.rtpTimestamp); // the nearest wrap: signed 32-bit
    long nanos = Math.floorDiv(ticks * 1_000_000_000L + clockRate / 2, clockRate);
    return wallClock().plusNanos(nanos);
  }

  /**
   * The RTP timestamp the sender's clock shows at {@code instant}, by this report's (NTP, RTP)
   * pair, rounded to the nearest tick and wrapped to 32 bits.
   *
   * @param clockRate the stream's RTP clock rate in Hz
   * @throws IllegalArgumentException if {@code clockRate} is not positive
   */
  public long rtpTimestampAt(Instant instant, int clockRate) {
    checkClockRate(clockRate);
    Duration elapsed = Duration.between(wallClock(), instant);
    // Overflow of the seconds product only drops multiples of 2^64, harmless modulo 2^32.
    long ticks =
        elapsed.getSeconds() * clockRate
            + Math.floorDiv(elapsed.getNano() * (long) clockRate + 500_000_000L, 1_000_000_000L);
    return (rtpTimestamp + ticks) & 0xffff_ffffL;
  }

  private static void checkClockRate(int clockRate) {
    if (clockRate <= 0) {
      throw new IllegalArgumentException("clockRate must be positive, was " + clockRate);
    }
  }

  @Override
  public int packetType() {
    return RtcpPacketType.SENDER_REPORT;
  }

  /** The report count, RC. */
  @Override
  public int countOrFormat() {
    return reports.size();
  }

  /** The SSRCs of the report blocks (the sources this report is about), in order. */
  @Override
  public List<Long> destinationSsrcs() {
    return reports.stream().map(ReceptionReport::ssrc).toList();
  }

  @Override
  public int serializedLength() {
    return PacketFraming.size(bodyLength(), padding);
  }

  @Override
  public int serialize(byte[] destination, int offset) {
    int size = serializedLength();
    ByteWriter out = PacketFraming.begin(this, size, destination, offset);
    writeBody(out);
    return PacketFraming.finish(this, out, offset, size);
  }

  private int bodyLength() {
    return FIXED_SIZE + reports.size() * ReceptionReport.SIZE + profileExtensions.length;
  }

  private void writeBody(ByteWriter out) {
    out.u32(ssrc).u64(ntpTimestamp).u32(rtpTimestamp).u32(packetCount).u32(octetCount);
    reports.forEach(report -> report.write(out));
    out.bytes(profileExtensions);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SenderReport that
        && ssrc == that.ssrc
        && ntpTimestamp == that.ntpTimestamp
        && rtpTimestamp == that.rtpTimestamp
        && packetCount == that.packetCount
        && octetCount == that.octetCount
        && reports.equals(that.reports)
        && Arrays.equals(profileExtensions, that.profileExtensions)
        && padding == that.padding;
  }

  @Override
  public int hashCode() {
    int hash = Long.hashCode(ssrc);
    hash = hash * 31 + Long.hashCode(ntpTimestamp);
    hash = hash * 31 + Long.hashCode(rtpTimestamp);
    hash = hash * 31 + Long.hashCode(packetCount);
    hash = hash * 31 + Long.hashCode(octetCount);
    hash = hash * 31 + reports.hashCode();
    hash = hash * 31 + Arrays.hashCode(profileExtensions);
    return hash * 31 + padding;
  }

  @Override
  public String toString() {
    return "SenderReport[ssrc="
        + ssrc
        + ", ntpTimestamp="
        + Long.toHexString(ntpTimestamp)
        + ", rtpTimestamp="
        + rtpTimestamp
        + ", packetCount="
        + packetCount
        + ", octetCount="
        + octetCount
        + ", reports="
        + reports
        + ", profileExtensions="
        + HexFormat.of().formatHex(profileExtensions)
        + ", padding="
        + padding
        + "]";
  }
}
