package org.ortc4j.rtcp;

import java.util.List;
import org.ortc4j.rtcp.internal.ByteReader;
import org.ortc4j.rtcp.internal.ByteWriter;
import org.ortc4j.rtcp.internal.FieldChecks;

/**
 * Picture Loss Indication (PLI): the receiver lost an undefined amount of coded video and asks
 * the sender of {@code mediaSsrc} to repair it, which in practice means sending a key frame.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|  FMT=1  |    PT=206     |          length = 2           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  SSRC of packet sender                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  SSRC of media source                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>PLI has no feedback control information (FCI): bytes after the media source SSRC are
 * rejected with {@link RtcpParseException.Reason#BAD_LENGTH}.
 *
 * @param senderSsrc SSRC of the packet sender
 * @param mediaSsrc SSRC of the media source whose picture was lost
 * @param padding bytes of padding, the count byte included: a multiple of 4
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4585#section-6.3.1">RFC 4585 §6.3.1</a>
 */
public record PictureLossIndication(long senderSsrc, long mediaSsrc, int padding)
    implements RtcpPacket {

  public PictureLossIndication {
    FieldChecks.u32(senderSsrc, "senderSsrc");
    FieldChecks.u32(mediaSsrc, "mediaSsrc");
    PacketChecks.requireWholeWords("PLI", PacketChecks.COMMON_FEEDBACK_LENGTH, padding);
  }

  /** A PLI without padding. */
  public PictureLossIndication(long senderSsrc, long mediaSsrc) {
    this(senderSsrc, mediaSsrc, 0);
  }

  static PictureLossIndication parseBody(int format, ByteReader body, int padding)
      throws RtcpParseException {
    PacketChecks.requireFormat(RtcpPacketType.FMT_PICTURE_LOSS, format, body);
    body.need(PacketChecks.COMMON_FEEDBACK_LENGTH, "the sender and media source SSRCs");
    long senderSsrc = body.u32();
    long mediaSsrc = body.u32();
    body.expectEnd();
    return new PictureLossIndication(senderSsrc, mediaSsrc, padding);
  }

  @Override
  public int packetType() {
    return RtcpPacketType.PAYLOAD_SPECIFIC_FEEDBACK;
  }

  @Override
  public int countOrFormat() {
    return RtcpPacketType.FMT_PICTURE_LOSS;
  }

  /** The media source asked for a repair: {@code [mediaSsrc]}. */
  @Override
  public List<Long> destinationSsrcs() {
    return List.of(mediaSsrc);
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
    return PacketChecks.COMMON_FEEDBACK_LENGTH;
  }

  private void writeBody(ByteWriter out) {
    out.u32(senderSsrc).u32(mediaSsrc);
  }
}
