package org.ortc4j.rtcp;

import org.ortc4j.rtcp.RtcpParseException.Reason;
import org.ortc4j.rtcp.internal.ByteReader;
import org.ortc4j.rtcp.internal.ByteWriter;
import org.ortc4j.rtcp.internal.FieldChecks;

/**
 * Receiver Reference Time Report block (RRTR, XR block type 4): the wall-clock time at which a
 * non-sender sent this report, so that the media sender can answer with a {@link DlrrBlock} and
 * both sides can compute the round-trip time.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     BT=4      |   reserved    |       block length = 2        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |              NTP timestamp, most significant word             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |             NTP timestamp, least significant word             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>The reserved byte is ignored on reception and written as 0, as RFC 3611 asks. A block of
 * type 4 whose length is not 2 is {@link Reason#BAD_XR_BLOCK}.
 *
 * @param ntpTimestamp the 64-bit NTP timestamp, as its raw bits (seconds in the high word, the
 *     fraction in the low word); every value is valid
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3611#section-4.4">RFC 3611 §4.4</a>
 */
public record ReceiverReferenceTimeBlock(long ntpTimestamp) implements XrBlock {
  /** The block type, 4. */
  public static final int BLOCK_TYPE = 4;

  private static final int CONTENT_LENGTH = 8;

  /** A block for the NTP time {@code seconds + fraction / 2^32}, both unsigned 32-bit. */
  public static ReceiverReferenceTimeBlock of(long ntpSeconds, long ntpFraction) {
    FieldChecks.u32(ntpSeconds, "ntpSeconds");
    FieldChecks.u32(ntpFraction, "ntpFraction");
    return new ReceiverReferenceTimeBlock((ntpSeconds << 32) | ntpFraction);
  }

  static ReceiverReferenceTimeBlock parseContent(ByteReader content) throws RtcpParseException {
    if (content.remaining() != CONTENT_LENGTH) {
      throw content.error(
          Reason.BAD_XR_BLOCK,
          "an RRTR block has 8 bytes of contents (block length 2), not " + content.remaining());
    }
    return new ReceiverReferenceTimeBlock(content.u64());
  }

  /** The NTP timestamp's seconds, the high 32 bits. */
  public long ntpSeconds() {
    return ntpTimestamp >>> 32;
  }

  /** The NTP timestamp's fraction of a second in units of 2^-32 s, the low 32 bits. */
  public long ntpFraction() {
    return ntpTimestamp & 0xffff_ffffL;
  }

  /**
   * The middle 32 bits of the NTP timestamp, which a {@link DlrrSubBlock} echoes as its {@link
   * DlrrSubBlock#lastRr()}.
   */
  public long compactNtp() {
    return (ntpTimestamp >>> 16) & 0xffff_ffffL;
  }

  @Override
  public int blockType() {
    return BLOCK_TYPE;
  }

  /** The reserved byte: always 0. */
  @Override
  public int typeSpecific() {
    return 0;
  }

  @Override
  public int contentLength() {
    return CONTENT_LENGTH;
  }

  void writeContent(ByteWriter out) {
    out.u64(ntpTimestamp);
  }
}
