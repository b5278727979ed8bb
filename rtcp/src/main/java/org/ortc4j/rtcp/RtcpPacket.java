package org.ortc4j.rtcp;

import java.util.List;
import org.ortc4j.rtcp.RtcpParseException.Reason;
import org.ortc4j.rtcp.internal.ByteReader;

/**
 * One RTCP packet: a Sender Report, a NACK, an unknown type kept raw, and so on.
 *
 * <p>Every implementation in this package is an immutable record that serializes back to the
 * very bytes it was parsed from. Dispatch with {@code instanceof} patterns:
 *
 * <pre>{@code
 * for (RtcpPacket packet : RtcpCompound.parse(bytes)) {
 *   if (packet instanceof PictureLossIndication pli) {
 *     encoder.requestKeyFrame(pli.mediaSsrc());
 *   }
 * }
 * }</pre>
 *
 * <p>Unsigned 32-bit fields (SSRCs, NTP words, RTP timestamps) are {@code long}s in {@code [0,
 * 2^32)}; constructors reject anything outside their field's range.
 *
 * @see RtcpCompound
 */
public interface RtcpPacket {
  /** The packet type (PT), e.g. {@link RtcpPacketType#SENDER_REPORT}. */
  int packetType();

  /** The 5-bit count field, or the feedback message type (FMT) of RTPFB and PSFB packets. */
  int countOrFormat();

  /**
   * Bytes of RTCP padding (RFC 3550 §6.4.1) after the content, the count byte included; 0 when
   * the P bit is clear.
   */
  int padding();

  /** The SSRCs this packet reports on or asks something of (as Pion's {@code DestinationSSRC}). */
  List<Long> destinationSsrcs();

  /** The size of {@link #serialize()}'s output. */
  int serializedLength();

  /**
   * Writes the packet at {@code offset}.
   *
   * @return the number of bytes written, {@link #serializedLength()}
   * @throws IllegalArgumentException if the packet does not fit
   */
  int serialize(byte[] destination, int offset);

  /** The packet's wire form. */
  default byte[] serialize() {
    byte[] bytes = new byte[serializedLength()];
    serialize(bytes, 0);
    return bytes;
  }

  /**
   * Parses exactly one RTCP packet that fills {@code data}.
   *
   * @throws RtcpParseException if the bytes are not one well-formed packet
   */
  static RtcpPacket parse(byte[] data) throws RtcpParseException {
    return parse(data, 0, data.length);
  }

  /**
   * Parses exactly one RTCP packet that fills {@code data[offset, offset + length)}.
   *
   * @throws RtcpParseException if the bytes are not one well-formed packet
   * @throws IllegalArgumentException if the range is outside {@code data}
   */
  static RtcpPacket parse(byte[] data, int offset, int length) throws RtcpParseException {
    ByteReader.checkRange(data, offset, length);
    RtcpHeader header = RtcpHeader.read(data, offset, length);
    if (header.packetSize() != length) {
      throw new RtcpParseException(
          Reason.BAD_LENGTH,
          "one packet of " + header.packetSize() + " bytes in an input of " + length);
    }
    return PacketDecoder.decode(header, data, offset);
  }
}
