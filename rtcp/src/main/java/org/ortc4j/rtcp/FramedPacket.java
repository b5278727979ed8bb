package org.ortc4j.rtcp;

import org.ortc4j.rtcp.internal.ByteReader;
import org.ortc4j.rtcp.internal.ByteWriter;

/**
 * The framing every packet type here shares: the common header, the type's own body, then RTCP
 * padding. Types implement only {@link #bodyLength()} and {@link #writeBody(ByteWriter)}.
 */
interface FramedPacket extends RtcpPacket {
  /** The largest packet the 16-bit length field can describe. */
  int MAX_PACKET_SIZE = 65536 * 4;

  /** Bytes between the common header and the padding. */
  int bodyLength();

  /** Writes exactly {@link #bodyLength()} bytes. */
  void writeBody(ByteWriter out);

  @Override
  default int serializedLength() {
    return RtcpHeader.SIZE + bodyLength() + padding();
  }

  @Override
  default int serialize(byte[] destination, int offset) {
    int size = serializedLength();
    if (size % 4 != 0 || size > MAX_PACKET_SIZE) {
      throw new IllegalStateException(
          RtcpPacketType.name(packetType())
              + " of "
              + size
              + " bytes (padding "
              + padding()
              + ") is not a whole number of 32-bit words up to "
              + MAX_PACKET_SIZE);
    }
    try {
      ByteReader.checkRange(destination, offset, size);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("no room for a packet of " + size + " bytes: " + e.getMessage());
    }
    ByteWriter out = new ByteWriter(destination, offset);
    out.u8(0x80 | (padding() > 0 ? 0x20 : 0) | countOrFormat())
        .u8(packetType())
        .u16(size / 4 - 1);
    writeBody(out);
    if (padding() > 0) {
      out.zeros(padding() - 1).u8(padding());
    }
    if (out.position() != offset + size) {
      throw new IllegalStateException(
          RtcpPacketType.name(packetType()) + " wrote " + (out.position() - offset) + " of " + size);
    }
    return size;
  }
}
