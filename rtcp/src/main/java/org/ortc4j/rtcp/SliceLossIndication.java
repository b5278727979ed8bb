package org.ortc4j.rtcp;

import java.util.List;
import org.ortc4j.rtcp.internal.ByteReader;
import org.ortc4j.rtcp.internal.ByteWriter;
import org.ortc4j.rtcp.internal.FieldChecks;

/**
 * Slice Loss Indication (SLI): the receiver lost the given runs of macroblocks of the media
 * source's pictures.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|  FMT=2  |    PT=206     |             length            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  SSRC of packet sender                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  SSRC of media source                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            First        |        Number           | PictureID |  one or more
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+  entries
 * </pre>
 *
 * <p>RFC 4585 requires at least one entry, so an SLI without any is rejected: by the constructor
 * with {@link IllegalArgumentException}, by the parser with {@link
 * RtcpParseException.Reason#TOO_SHORT}. FCI that is not a whole number of entries is {@link
 * RtcpParseException.Reason#BAD_LENGTH}.
 *
 * @param senderSsrc SSRC of the packet sender
 * @param mediaSsrc SSRC of the media source
 * @param entries the lost runs of macroblocks, at least one
 * @param padding bytes of padding, the count byte included: a multiple of 4
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4585#section-6.3.2">RFC 4585 §6.3.2</a>
 */
public record SliceLossIndication(
    long senderSsrc, long mediaSsrc, List<SliceLossEntry> entries, int padding)
    implements RtcpPacket {
  /** The most entries a packet can carry. */
  public static final int MAX_ENTRIES =
      (RtcpHeader.MAX_PACKET_SIZE - RtcpHeader.SIZE - PacketChecks.COMMON_FEEDBACK_LENGTH)
          / SliceLossEntry.SIZE;

  public SliceLossIndication {
    FieldChecks.u32(senderSsrc, "senderSsrc");
    FieldChecks.u32(mediaSsrc, "mediaSsrc");
    entries = FieldChecks.list(entries, MAX_ENTRIES, "entries");
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("an SLI needs at least one entry");
    }
    PacketChecks.requireWholeWords("SLI", bodyLength(entries.size()), padding);
  }

  /** An SLI without padding. */
  public SliceLossIndication(long senderSsrc, long mediaSsrc, List<SliceLossEntry> entries) {
    this(senderSsrc, mediaSsrc, entries, 0);
  }

  static SliceLossIndication parseBody(int format, ByteReader body, int padding)
      throws RtcpParseException {
    PacketChecks.requireFormat(RtcpPacketType.FMT_SLICE_LOSS, format, body);
    body.need(PacketChecks.COMMON_FEEDBACK_LENGTH, "the sender and media source SSRCs");
    long senderSsrc = body.u32();
    long mediaSsrc = body.u32();
    int count = PacketChecks.entryCount(body, SliceLossEntry.SIZE, "SLI entry");
    SliceLossEntry[] entries = new SliceLossEntry[count];
    for (int i = 0; i < count; i++) {
      entries[i] = SliceLossEntry.fromWord(body.u32());
    }
    return new SliceLossIndication(senderSsrc, mediaSsrc, List.of(entries), padding);
  }

  @Override
  public int packetType() {
    return RtcpPacketType.PAYLOAD_SPECIFIC_FEEDBACK;
  }

  @Override
  public int countOrFormat() {
    return RtcpPacketType.FMT_SLICE_LOSS;
  }

  /** The media source that lost slices: {@code [mediaSsrc]}. */
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
    return bodyLength(entries.size());
  }

  private static int bodyLength(int entryCount) {
    return PacketChecks.COMMON_FEEDBACK_LENGTH + entryCount * SliceLossEntry.SIZE;
  }

  private void writeBody(ByteWriter out) {
    out.u32(senderSsrc).u32(mediaSsrc);
    for (SliceLossEntry entry : entries) {
      out.u32(entry.toWord());
    }
  }
}
