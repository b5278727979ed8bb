package org.ortc4j.rtcp;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.ortc4j.rtcp.internal.ByteReader;
import org.ortc4j.rtcp.internal.ByteWriter;
import org.ortc4j.rtcp.internal.FieldChecks;

/**
 * Receiver Report (RR): reception statistics from a participant that is not sending, or on more
 * sources than its Sender Report has room for. WebRTC endpoints that receive nothing send one with
 * no blocks at all as the mandatory first packet of each compound packet.
 *
 * <pre>
 *         0                   1                   2                   3
 *         0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *        +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * header |V=2|P|    RC   |   PT=RR=201   |             length            |
 *        +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *        |                     SSRC of packet sender                     |
 *        +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * report |                 report blocks (RC × 24 bytes)                 |
 * blocks :                  see {@link ReceptionReport}                  :
 *        +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 *        |                  profile-specific extensions                  |
 *        +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param ssrc the reporter's SSRC
 * @param reports at most 31 report blocks; none is valid
 * @param profileExtensions bytes after the report blocks, whole words, kept raw (copied in and out)
 * @param padding bytes of RTCP padding, the count byte included: 0 or a multiple of 4 up to 252
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3550#section-6.4.2">RFC 3550 §6.4.2</a>
 */
public record ReceiverReport(
    long ssrc, List<ReceptionReport> reports, byte[] profileExtensions, int padding)
    implements RtcpPacket {
  /** The most report blocks the 5-bit count field allows. */
  public static final int MAX_REPORTS = 31;

  /** Bytes of the reporter's SSRC. */
  private static final int FIXED_SIZE = 4;

  public ReceiverReport {
    FieldChecks.u32(ssrc, "ssrc");
    reports = FieldChecks.list(reports, MAX_REPORTS, "reports");
    profileExtensions = PacketChecks.words(profileExtensions, "profileExtensions");
    PacketChecks.requireWholeWords(
        "RR", FIXED_SIZE + reports.size() * ReceptionReport.SIZE + profileExtensions.length, padding);
  }

  /** A Receiver Report without profile-specific extensions or padding. */
  public ReceiverReport(long ssrc, List<ReceptionReport> reports) {
    this(ssrc, reports, new byte[0], 0);
  }

  static ReceiverReport parseBody(int count, ByteReader body, int padding)
      throws RtcpParseException {
    body.need(FIXED_SIZE, "the reporter's SSRC");
    long ssrc = body.u32();
    List<ReceptionReport> reports = ReceptionReport.readAll(count, body);
    byte[] extensions = PacketChecks.readWords(body, "profile-specific extension");
    return new ReceiverReport(ssrc, reports, extensions, padding);
  }

  /** A copy of the profile-specific extensions. */
  @Override
  public byte[] profileExtensions() {
    return profileExtensions.clone();
  }

  @Override
  public int packetType() {
    return RtcpPacketType.RECEIVER_REPORT;
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
    out.u32(ssrc);
    reports.forEach(report -> report.write(out));
    out.bytes(profileExtensions);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ReceiverReport that
        && ssrc == that.ssrc
        && reports.equals(that.reports)
        && Arrays.equals(profileExtensions, that.profileExtensions)
        && padding == that.padding;
  }

  @Override
  public int hashCode() {
    int hash = Long.hashCode(ssrc) * 31 + reports.hashCode();
    return (hash * 31 + Arrays.hashCode(profileExtensions)) * 31 + padding;
  }

  @Override
  public String toString() {
    return "ReceiverReport[ssrc="
        + ssrc
        + ", reports="
        + reports
        + ", profileExtensions="
        + HexFormat.of().formatHex(profileExtensions)
        + ", padding="
        + padding
        + "]";
  }
}
