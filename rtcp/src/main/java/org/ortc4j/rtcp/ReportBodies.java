package org.ortc4j.rtcp;

import org.ortc4j.rtcp.RtcpParseException.Reason;
import org.ortc4j.rtcp.internal.ByteReader;
import org.ortc4j.rtcp.internal.FieldChecks;

/**
 * Checks shared by the RFC 3550 packets (SR, RR, SDES, BYE, APP), whose bodies always fill whole
 * 32-bit words: their RTCP padding must then be whole words too.
 */
final class ReportBodies {
  private ReportBodies() {}

  /**
   * Validates {@code padding} for a body of {@code bodyLength} bytes (a multiple of 4).
   *
   * @throws IllegalArgumentException if the padding is out of range or not whole words, or the
   *     packet would exceed the 16-bit length field
   */
  static int padding(int padding, int bodyLength, String what) {
    FieldChecks.padding(padding);
    if (padding % 4 != 0) {
      throw new IllegalArgumentException(
          what + " content fills whole words, so its padding must too, was " + padding);
    }
    long size = (long) RtcpHeader.SIZE + bodyLength + padding;
    if (size > FramedPacket.MAX_PACKET_SIZE) {
      throw new IllegalArgumentException(
          what + " of " + size + " bytes exceeds " + FramedPacket.MAX_PACKET_SIZE);
    }
    return padding;
  }

  /** Validates raw trailing content (extensions, application data): whole words, copied. */
  static byte[] words(byte[] bytes, String field) {
    byte[] copy = FieldChecks.bytes(bytes, FramedPacket.MAX_PACKET_SIZE, field);
    if (copy.length % 4 != 0) {
      throw new IllegalArgumentException(
          field + " must be a whole number of 32-bit words, was " + copy.length + " bytes");
    }
    return copy;
  }

  /**
   * Reads the rest of {@code body} as raw trailing content, which must be whole words: it is not
   * when P-bit padding of other than whole words cuts into it.
   */
  static byte[] readWords(ByteReader body, String field) throws RtcpParseException {
    if (body.remaining() % 4 != 0) {
      throw body.error(
          Reason.BAD_LENGTH,
          field + " of " + body.remaining() + " bytes is not a whole number of 32-bit words");
    }
    return body.bytes(body.remaining());
  }
}
