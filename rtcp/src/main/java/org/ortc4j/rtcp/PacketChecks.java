package org.ortc4j.rtcp;

import org.ortc4j.rtcp.RtcpParseException.Reason;
import org.ortc4j.rtcp.internal.ByteReader;
import org.ortc4j.rtcp.internal.FieldChecks;

/** Checks the packet records share: framing sizes, feedback formats, entry counts, raw words. */
final class PacketChecks {
  /** The SSRC of packet sender and SSRC of media source every feedback message starts with. */
  static final int COMMON_FEEDBACK_LENGTH = 8;

  private PacketChecks() {}

  /**
   * Requires a valid padding length, and header, body and padding to fill whole 32-bit words that
   * the 16-bit length field can still describe.
   *
   * @throws IllegalArgumentException naming {@code what}, if they do not
   */
  static void requireWholeWords(String what, long bodyLength, int padding) {
    FieldChecks.padding(padding);
    long size = RtcpHeader.SIZE + bodyLength + padding;
    if (size > RtcpHeader.MAX_PACKET_SIZE) {
      throw new IllegalArgumentException(
          what + " of " + size + " bytes exceeds the " + RtcpHeader.MAX_PACKET_SIZE
              + " bytes an RTCP length field can describe");
    }
    if (size % 4 != 0) {
      throw new IllegalArgumentException(
          what + " of " + size + " bytes is not a whole number of 32-bit words: padding "
              + padding + " must make it one (a multiple of 4 when the content fills whole words)");
    }
  }


  /**
   * Guards a decoder against being handed another format than its own (the dispatcher never does,
   * but the decoders are callable on their own).
   */
  static void requireFormat(int expected, int format, ByteReader body) throws RtcpParseException {
    if (format != expected) {
      throw body.error(Reason.WRONG_TYPE, "FMT " + format + " where " + expected + " was expected");
    }
  }

  /**
   * The number of {@code entrySize}-byte FCI entries that fill the rest of {@code body}, where
   * the message requires at least one.
   *
   * @throws RtcpParseException {@link Reason#TOO_SHORT} when there is no entry, {@link
   *     Reason#BAD_LENGTH} when the bytes left are not a whole number of entries
   */
  static int entryCount(ByteReader body, int entrySize, String entryName)
      throws RtcpParseException {
    int remaining = body.remaining();
    if (remaining < entrySize) {
      throw body.error(
          Reason.TOO_SHORT,
          remaining + " bytes of FCI, too few for the one " + entryName + " required");
    }
    if (remaining % entrySize != 0) {
      throw body.error(
          Reason.BAD_LENGTH,
          remaining + " bytes of FCI are not a whole number of " + entrySize + "-byte "
              + entryName + "s");
    }
    return remaining / entrySize;
  }

  /** Validates raw trailing content (extensions, application data): whole words, copied. */
  static byte[] words(byte[] bytes, String field) {
    byte[] copy = FieldChecks.bytes(bytes, RtcpHeader.MAX_PACKET_SIZE, field);
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
