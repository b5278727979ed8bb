package org.ortc4j.rtcp;

import org.ortc4j.rtcp.internal.ByteReader;
import org.ortc4j.rtcp.internal.ByteWriter;

/**
 * The framing every packet type shares when it serializes: the common header, the type's body
 * (written by the type between {@link #begin} and {@link #finish}), then RTCP padding.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|  count  |      PT       |             length            |  begin
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * :                         body of the type                      :  the type
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * :            zero padding octets           | padding count      :  finish
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>It lives outside the packet records so that their public face is their fields and {@link
 * RtcpPacket}'s methods, nothing of the writing machinery.
 */
final class PacketFraming {
  private PacketFraming() {}

  /** The size of a packet with a body of {@code bodyLength} bytes and {@code padding}. */
  static int size(int bodyLength, int padding) {
    return RtcpHeader.SIZE + bodyLength + padding;
  }

  /**
   * Checks that a packet of {@code size} bytes is whole words, fits the length field and fits the
   * destination, then writes its common header.
   *
   * @return the writer, positioned at the body
   * @throws IllegalArgumentException if the destination has no room for the packet
   */
  static ByteWriter begin(RtcpPacket packet, int size, byte[] destination, int offset) {
    if (size % 4 != 0 || size > RtcpHeader.MAX_PACKET_SIZE) {
      throw new IllegalStateException(
          RtcpPacketType.name(packet.packetType()) + " of " + size + " bytes (padding "
              + packet.padding() + ") is not a whole number of 32-bit words up to "
              + RtcpHeader.MAX_PACKET_SIZE);
    }
    try {
      ByteReader.checkRange(destination, offset, size);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "no room for a packet of " + size + " bytes: " + e.getMessage(), e);
    }
    ByteWriter out = new ByteWriter(destination, offset);
    return out.u8(0x80 | (packet.padding() > 0 ? 0x20 : 0) | packet.countOrFormat())
        .u8(packet.packetType())
        .u16(size / 4 - 1);
  }

  /**
   * Writes the padding after the body and checks the packet came out at {@code size} bytes.
   *
   * @return {@code size}
   */
  static int finish(RtcpPacket packet, ByteWriter out, int offset, int size) {
    int padding = packet.padding();
    if (padding > 0) {
      out.zeros(padding - 1).u8(padding);
    }
    if (out.position() != offset + size) {
      throw new IllegalStateException(
          RtcpPacketType.name(packet.packetType()) + " wrote " + (out.position() - offset)
              + " of " + size + " bytes");
    }
    return size;
  }
}
