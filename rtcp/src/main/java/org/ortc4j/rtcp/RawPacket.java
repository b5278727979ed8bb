package org.ortc4j.rtcp;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.ortc4j.rtcp.internal.ByteReader;
import org.ortc4j.rtcp.internal.ByteWriter;
import org.ortc4j.rtcp.internal.FieldChecks;

/**
 * An RTCP packet of a type or feedback format this library does not decode, kept as it came so
 * that it can be forwarded or logged unchanged (as Pion's {@code RawPacket}).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|  count  |      PT       |             length            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * :                       body (kept as is)                       :
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * :                  padding (when P is set)                      :
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param packetType the packet type
 * @param countOrFormat the 5-bit count or FMT field
 * @param body the bytes between the header and the padding (copied in and out)
 * @param padding bytes of padding, the count byte included; body and padding fill whole words
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3550#section-6.4.1">RFC 3550 §6.4.1</a>
 */
public record RawPacket(int packetType, int countOrFormat, byte[] body, int padding)
    implements RtcpPacket {

  public RawPacket {
    FieldChecks.u8(packetType, "packetType");
    FieldChecks.range(countOrFormat, 0, 31, "countOrFormat");
    body = FieldChecks.bytes(body, RtcpHeader.MAX_PACKET_SIZE - RtcpHeader.SIZE - 256, "body");
    FieldChecks.padding(padding);
    if ((body.length + padding) % 4 != 0) {
      throw new IllegalArgumentException(
          "body (" + body.length + " bytes) and padding (" + padding + ") must fill whole words");
    }
  }

  static RawPacket parseBody(int packetType, int countOrFormat, ByteReader body, int padding)
      throws RtcpParseException {
    return new RawPacket(packetType, countOrFormat, body.bytes(body.remaining()), padding);
  }

  /** A copy of the body. */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /** Unknown packets name no SSRC this library can vouch for: an empty list. */
  @Override
  public List<Long> destinationSsrcs() {
    return List.of();
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
    return body.length;
  }

  private void writeBody(ByteWriter out) {
    out.bytes(body);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RawPacket that
        && packetType == that.packetType
        && countOrFormat == that.countOrFormat
        && padding == that.padding
        && Arrays.equals(body, that.body);
  }

  @Override
  public int hashCode() {
    return ((packetType * 31 + countOrFormat) * 31 + padding) * 31 + Arrays.hashCode(body);
  }

  @Override
  public String toString() {
    return "RawPacket[packetType="
        + packetType
        + ", countOrFormat="
        + countOrFormat
        + ", body="
        + HexFormat.of().formatHex(body)
        + ", padding="
        + padding
        + "]";
  }
}
