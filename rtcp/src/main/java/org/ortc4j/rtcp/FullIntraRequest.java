package org.ortc4j.rtcp;

import java.util.List;
import org.ortc4j.rtcp.internal.ByteReader;
import org.ortc4j.rtcp.internal.ByteWriter;
import org.ortc4j.rtcp.internal.FieldChecks;

/**
 * Full Intra Request (FIR): asks each listed media sender for a decoder refresh point (a key
 * frame) as soon as possible.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|  FMT=4  |    PT=206     |             length            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  SSRC of packet sender                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |             SSRC of media source (unused, 0)                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                              SSRC                             |  one or more
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+  entries
 * | Seq nr.       |    Reserved                                   |  (FirEntry)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>RFC 5104 says the media source SSRC SHALL be 0; it is kept as sent, whatever it is. The
 * entries' reserved bits are ignored and written as zeros (see {@link FirEntry}), so only
 * packets with zero reserved bits serialize back byte for byte. RFC 5104 requires at least one
 * entry: an FIR without any is rejected ({@link IllegalArgumentException}, or {@link
 * RtcpParseException.Reason#TOO_SHORT} when parsing), and FCI that is not a whole number of
 * 8-byte entries is {@link RtcpParseException.Reason#BAD_LENGTH}.
 *
 * @param senderSsrc SSRC of the packet sender
 * @param mediaSsrc SSRC of media source field (0 by the RFC, kept as sent)
 * @param entries the requests, at least one
 * @param padding bytes of padding, the count byte included: a multiple of 4
 * @see <a href="https://www.rfc-editor.org/rfc/rfc5104#section-4.3.1">RFC 5104 §4.3.1</a>
 */
public record FullIntraRequest(
    long senderSsrc, long mediaSsrc, List<FirEntry> entries, int padding)
    implements RtcpPacket {
  /** The most entries a packet can carry. */
  public static final int MAX_ENTRIES =
      (RtcpHeader.MAX_PACKET_SIZE - RtcpHeader.SIZE - PacketChecks.COMMON_FEEDBACK_LENGTH) / FirEntry.SIZE;

  public FullIntraRequest {
    FieldChecks.u32(senderSsrc, "senderSsrc");
    FieldChecks.u32(mediaSsrc, "mediaSsrc");
    entries = FieldChecks.list(entries, MAX_ENTRIES, "entries");
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("an FIR needs at least one entry");
    }
    PacketChecks.requireWholeWords("FIR", bodyLength(entries.size()), padding);
  }

  /** An FIR without padding. */
  public FullIntraRequest(long senderSsrc, long mediaSsrc, List<FirEntry> entries) {
    this(senderSsrc, mediaSsrc, entries, 0);
  }

  /** An FIR without padding whose media source SSRC is 0, as RFC 5104 asks. */
  public FullIntraRequest(long senderSsrc, List<FirEntry> entries) {
    this(senderSsrc, 0, entries, 0);
  }

  static FullIntraRequest parseBody(int format, ByteReader body, int padding)
      throws RtcpParseException {
    PacketChecks.requireFormat(RtcpPacketType.FMT_FULL_INTRA_REQUEST, format, body);
    body.need(PacketChecks.COMMON_FEEDBACK_LENGTH, "the sender and media source SSRCs");
    long senderSsrc = body.u32();
    long mediaSsrc = body.u32();
    int count = PacketChecks.entryCount(body, FirEntry.SIZE, "FIR entry");
    FirEntry[] entries = new FirEntry[count];
    for (int i = 0; i < count; i++) {
      entries[i] = new FirEntry(body.u32(), body.u8());
      body.skip(3);
    }
    return new FullIntraRequest(senderSsrc, mediaSsrc, List.of(entries), padding);
  }

  @Override
  public int packetType() {
    return RtcpPacketType.PAYLOAD_SPECIFIC_FEEDBACK;
  }

  @Override
  public int countOrFormat() {
    return RtcpPacketType.FMT_FULL_INTRA_REQUEST;
  }

  /** The media senders asked for a refresh: the entries' SSRCs, in order. */
  @Override
  public List<Long> destinationSsrcs() {
    return entries.stream().map(FirEntry::ssrc).toList();
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
    return PacketChecks.COMMON_FEEDBACK_LENGTH + entryCount * FirEntry.SIZE;
  }

  private void writeBody(ByteWriter out) {
    out.u32(senderSsrc).u32(mediaSsrc);
    for (FirEntry entry : entries) {
      out.u32(entry.ssrc()).u8(entry.sequenceNumber()).zeros(3);
    }
  }
}
