package org.ortc4j.rtcp;

import java.util.List;
import org.ortc4j.rtcp.RtcpParseException.Reason;
import org.ortc4j.rtcp.internal.ByteReader;
import org.ortc4j.rtcp.internal.ByteWriter;
import org.ortc4j.rtcp.internal.FieldChecks;

/**
 * Receiver Estimated Maximum Bitrate (REMB): the total bitrate the receiver estimates it can take
 * for the listed media sources, carried as PSFB application-layer feedback (FMT 15).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P| FMT=15  |   PT=206      |             length            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  SSRC of packet sender                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  SSRC of media source                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Unique identifier 'R' 'E' 'M' 'B'                            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Num SSRC     | BR Exp    |  BR Mantissa                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   SSRC feedback                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  ...                                                          |
 * </pre>
 *
 * <p>The bitrate is {@code mantissa * 2^exponent} bits per second. Several (exponent, mantissa)
 * pairs give the same bitrate, so both are kept as sent and {@link #bitrate()} computes it;
 * {@link #of(long, long, List)} picks the encoding libwebrtc and Pion pick. The draft has the
 * media source SSRC be 0; it is kept as sent. A Num SSRC that does not match the SSRCs that
 * follow is {@link Reason#BAD_COUNT}.
 *
 * @param senderSsrc SSRC of the packet sender
 * @param mediaSsrc SSRC of media source field (0 by the draft, kept as sent)
 * @param exponent BR Exp, 6 bits
 * @param mantissa BR Mantissa, 18 bits
 * @param ssrcs the media sources the estimate applies to, at most 255 (Num SSRC is 8 bits)
 * @param padding bytes of padding, the count byte included: a multiple of 4
 * @see <a href="https://datatracker.ietf.org/doc/html/draft-alvestrand-rmcat-remb-03#section-2.2">
 *     draft-alvestrand-rmcat-remb-03 §2.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4585#section-6.4">RFC 4585 §6.4</a>
 */
public record ReceiverEstimatedMaxBitrate(
    long senderSsrc, long mediaSsrc, int exponent, int mantissa, List<Long> ssrcs, int padding)
    implements RtcpPacket {
  /** The unique identifier after the common feedback header, "REMB" in ASCII. */
  public static final long IDENTIFIER = 0x52454d42L;
  /** The largest mantissa: 18 bits. */
  public static final int MAX_MANTISSA = (1 << 18) - 1;
  /** The largest exponent: 6 bits. */
  public static final int MAX_EXPONENT = 63;
  /** The most SSRCs the 8-bit Num SSRC field can count. */
  public static final int MAX_SSRCS = 255;

  /** Common feedback header, identifier, and the Num SSRC / BR Exp / BR Mantissa word. */
  private static final int FIXED_LENGTH = PacketChecks.COMMON_FEEDBACK_LENGTH + 8;

  public ReceiverEstimatedMaxBitrate {
    FieldChecks.u32(senderSsrc, "senderSsrc");
    FieldChecks.u32(mediaSsrc, "mediaSsrc");
    FieldChecks.range(exponent, 0, MAX_EXPONENT, "exponent");
    FieldChecks.range(mantissa, 0, MAX_MANTISSA, "mantissa");
    ssrcs = FieldChecks.list(ssrcs, MAX_SSRCS, "ssrcs");
    ssrcs.forEach(ssrc -> FieldChecks.u32(ssrc, "ssrcs"));
    PacketChecks.requireWholeWords("REMB", FIXED_LENGTH + 4L * ssrcs.size(), padding);
  }

  /** A REMB without padding. */
  public ReceiverEstimatedMaxBitrate(
      long senderSsrc, long mediaSsrc, int exponent, int mantissa, List<Long> ssrcs) {
    this(senderSsrc, mediaSsrc, exponent, mantissa, ssrcs, 0);
  }

  /**
   * A REMB for {@code bitrateBps}, with media source SSRC 0 and no padding. The encoding is the
   * smallest exponent whose mantissa fits 18 bits, the mantissa rounded down (as libwebrtc and
   * Pion encode), so {@link #bitrate()} may be up to {@code 2^exponent - 1} below {@code
   * bitrateBps}, never above.
   *
   * @throws IllegalArgumentException if {@code bitrateBps} is negative, or an SSRC is invalid
   */
  public static ReceiverEstimatedMaxBitrate of(long senderSsrc, long bitrateBps, List<Long> ssrcs) {
    if (bitrateBps < 0) {
      throw new IllegalArgumentException("bitrateBps must not be negative, was " + bitrateBps);
    }
    int exponent = Math.max(0, Long.SIZE - Long.numberOfLeadingZeros(bitrateBps) - 18);
    return new ReceiverEstimatedMaxBitrate(
        senderSsrc, 0, exponent, (int) (bitrateBps >>> exponent), ssrcs, 0);
  }

  /**
   * The estimate in bits per second, {@code mantissa * 2^exponent}; {@link Long#MAX_VALUE} when
   * that does not fit a {@code long} (exponents from 46 up can do that), rather than a wrapped
   * value.
   */
  public long bitrate() {
    int mantissaBits = Long.SIZE - Long.numberOfLeadingZeros(mantissa);
    if (mantissaBits + exponent > Long.SIZE - 1) {
      return Long.MAX_VALUE;
    }
    return (long) mantissa << exponent;
  }

  /**
   * Whether a PSFB FMT 15 body is a REMB: at least 12 bytes, bytes 8 to 11 being "REMB". Reads
   * nothing from {@code body}, and never throws.
   */
  static boolean isRemb(ByteReader body) {
    if (body.remaining() < PacketChecks.COMMON_FEEDBACK_LENGTH + 4) {
      return false;
    }
    byte[] bytes = body.buffer();
    int at = body.position() + PacketChecks.COMMON_FEEDBACK_LENGTH;
    return bytes[at] == 'R' && bytes[at + 1] == 'E' && bytes[at + 2] == 'M' && bytes[at + 3] == 'B';
  }

  static ReceiverEstimatedMaxBitrate parseBody(int format, ByteReader body, int padding)
      throws RtcpParseException {
    PacketChecks.requireFormat(RtcpPacketType.FMT_APPLICATION_LAYER, format, body);
    body.need(FIXED_LENGTH, "the REMB fixed part");
    long senderSsrc = body.u32();
    long mediaSsrc = body.u32();
    if (body.u32() != IDENTIFIER) {
      throw body.error(Reason.BAD_VALUE, "the unique identifier is not \"REMB\"");
    }
    int count = body.u8();
    int exponentAndMantissa = body.u24();
    return new ReceiverEstimatedMaxBitrate(
        senderSsrc,
        mediaSsrc,
        exponentAndMantissa >>> 18,
        exponentAndMantissa & MAX_MANTISSA,
        readSsrcs(count, body),
        padding);
  }

  private static List<Long> readSsrcs(int count, ByteReader body) throws RtcpParseException {
    if (body.remaining() != 4 * count) {
      throw body.error(
          Reason.BAD_COUNT, "Num SSRC " + count + " with " + body.remaining() + " bytes of SSRCs");
    }
    Long[] ssrcs = new Long[count];
    for (int i = 0; i < count; i++) {
      ssrcs[i] = body.u32();
    }
    return List.of(ssrcs);
  }

  @Override
  public int packetType() {
    return RtcpPacketType.PAYLOAD_SPECIFIC_FEEDBACK;
  }

  @Override
  public int countOrFormat() {
    return RtcpPacketType.FMT_APPLICATION_LAYER;
  }

  /** The media sources the estimate applies to: {@link #ssrcs()}. */
  @Override
  public List<Long> destinationSsrcs() {
    return ssrcs;
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
    return FIXED_LENGTH + 4 * ssrcs.size();
  }

  private void writeBody(ByteWriter out) {
    out.u32(senderSsrc).u32(mediaSsrc).u32(IDENTIFIER);
    out.u8(ssrcs.size()).u24((exponent << 18) | mantissa);
    for (long ssrc : ssrcs) {
      out.u32(ssrc);
    }
  }
}
