package org.ortc4j.rtcp;

import org.ortc4j.rtcp.RtcpParseException.Reason;
import org.ortc4j.rtcp.internal.ByteReader;
import org.ortc4j.rtcp.internal.FieldChecks;

/**
 * The four bytes every RTCP packet starts with (RFC 3550 §6.4.1).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|  count  |      PT       |             length            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>{@code count} is the report or source count, or the feedback message type (FMT) of RTPFB
 * and PSFB packets (RFC 4585 §6.1). {@code length} is the packet's length in 32-bit words minus
 * one, header and padding included.
 *
 * @param padding the P bit: the packet ends with padding whose last byte is its length
 * @param count the 5-bit count or FMT field
 * @param packetType the 8-bit packet type
 * @param length the length field: 32-bit words minus one
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3550#section-6.4.1">RFC 3550 §6.4.1</a>
 */
public record RtcpHeader(boolean padding, int count, int packetType, int length) {
  /** The header's size in bytes. */
  public static final int SIZE = 4;
  /** The largest packet the 16-bit length field can describe, in bytes. */
  public static final int MAX_PACKET_SIZE = 65536 * 4;

  /** The only RTP/RTCP version there is. */
  public static final int VERSION = 2;

  public RtcpHeader {
    FieldChecks.range(count, 0, 31, "count");
    FieldChecks.u8(packetType, "packetType");
    FieldChecks.u16(length, "length");
  }

  /** The whole packet's size in bytes, as the length field declares it. */
  public int packetSize() {
    return (length + 1) * 4;
  }

  /**
   * Reads the header at {@code offset} and checks it against the {@code available} bytes: at least
   * four of them, version 2, and a declared length that fits.
   *
   * @throws RtcpParseException {@link Reason#TOO_SHORT}, {@link Reason#BAD_VERSION} or {@link
   *     Reason#BAD_LENGTH}
   */
  public static RtcpHeader read(byte[] data, int offset, int available) throws RtcpParseException {
    ByteReader reader = new ByteReader(data, offset, available, "RTCP header");
    reader.need(SIZE, "the common header");
    int first = reader.u8();
    if (first >>> 6 != VERSION) {
      throw new RtcpParseException(Reason.BAD_VERSION, "RTCP version " + (first >>> 6));
    }
    RtcpHeader header =
        new RtcpHeader((first & 0x20) != 0, first & 0x1f, reader.u8(), reader.u16());
    if (header.packetSize() > available) {
      throw new RtcpParseException(
          Reason.BAD_LENGTH,
          RtcpPacketType.name(header.packetType())
              + " declares "
              + header.packetSize()
              + " bytes, "
              + available
              + " available");
    }
    return header;
  }
}
