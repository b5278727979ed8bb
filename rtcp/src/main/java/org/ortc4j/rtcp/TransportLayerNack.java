package org.ortc4j.rtcp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ortc4j.rtcp.RtcpParseException.Reason;
import org.ortc4j.rtcp.internal.ByteReader;
import org.ortc4j.rtcp.internal.ByteWriter;
import org.ortc4j.rtcp.internal.FieldChecks;

/**
 * A Generic NACK (RTPFB, FMT=1): the media receiver names RTP packets it has not received, so the
 * sender can retransmit them (RFC 4588).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|  FMT=1  |    PT=205     |          length               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  SSRC of packet sender                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  SSRC of media source                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            PID                |             BLP               |  one or more
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>RFC 4585 §6.2.1 requires at least one PID/BLP pair, so an empty list is rejected both here
 * (IllegalArgumentException) and by the parser ({@link Reason#BAD_LENGTH}).
 *
 * @param senderSsrc SSRC of the packet sender
 * @param mediaSsrc SSRC of the media source whose packets are missing
 * @param nacks the PID/BLP pairs, at least one
 * @param padding bytes of RTCP padding, a multiple of 4 (the pairs already fill whole words)
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4585#section-6.2.1">RFC 4585 §6.2.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4585#section-6.1">RFC 4585 §6.1</a>
 */
public record TransportLayerNack(long senderSsrc, long mediaSsrc, List<NackPair> nacks, int padding)
    implements RtcpPacket {
  private static final int FIXED_SIZE = 8;
  private static final int PAIR_SIZE = 4;
  private static final int MAX_PAIRS = (RtcpHeader.MAX_PACKET_SIZE - RtcpHeader.SIZE - FIXED_SIZE) / PAIR_SIZE;

  public TransportLayerNack {
    FieldChecks.u32(senderSsrc, "senderSsrc");
    FieldChecks.u32(mediaSsrc, "mediaSsrc");
    nacks = FieldChecks.list(nacks, MAX_PAIRS, "nacks");
    if (nacks.isEmpty()) {
      throw new IllegalArgumentException("a Generic NACK needs at least one PID/BLP pair");
    }
    PacketChecks.requireWholeWords("NACK", FIXED_SIZE + (long) nacks.size() * PAIR_SIZE, padding);
  }

  /** A NACK without padding. */
  public TransportLayerNack(long senderSsrc, long mediaSsrc, List<NackPair> nacks) {
    this(senderSsrc, mediaSsrc, nacks, 0);
  }

  /**
   * A NACK reporting {@code lostSequenceNumbers} with the fewest pairs ({@link
   * NackPair#covering(Collection)}).
   *
   * @throws IllegalArgumentException if the collection is empty or holds a non-16-bit value
   */
  public static TransportLayerNack forLostPackets(
      long senderSsrc, long mediaSsrc, Collection<Integer> lostSequenceNumbers) {
    return new TransportLayerNack(senderSsrc, mediaSsrc, NackPair.covering(lostSequenceNumbers));
  }

  static TransportLayerNack parseBody(int format, ByteReader body, int padding)
      throws RtcpParseException {
    body.need(FIXED_SIZE, "the sender and media SSRCs");
    long sender = body.u32();
    long media = body.u32();
    int pairs = countPairs(body);
    List<NackPair> nacks = new ArrayList<>(pairs);
    for (int i = 0; i < pairs; i++) {
      nacks.add(new NackPair(body.u16(), body.u16()));
    }
    body.expectEnd();
    return new TransportLayerNack(sender, media, nacks, padding);
  }

  private static int countPairs(ByteReader body) throws RtcpParseException {
    int remaining = body.remaining();
    if (remaining == 0) {
      throw body.error(Reason.BAD_LENGTH, "no PID/BLP pair (RFC 4585 requires one at least)");
    }
    if (remaining % PAIR_SIZE != 0) {
      throw body.error(
          Reason.BAD_LENGTH, remaining + " bytes of FCI are not whole 4-byte PID/BLP pairs");
    }
    return remaining / PAIR_SIZE;
  }

  /** Every sequence number the pairs report lost, each once, in the order the pairs name them. */
  public List<Integer> lostSequenceNumbers() {
    Set<Integer> lost = new LinkedHashSet<>();
    for (NackPair pair : nacks) {
      lost.addAll(pair.lostSequenceNumbers());
    }
    return List.copyOf(lost);
  }

  @Override
  public int packetType() {
    return RtcpPacketType.TRANSPORT_LAYER_FEEDBACK;
  }

  @Override
  public int countOrFormat() {
    return RtcpPacketType.FMT_GENERIC_NACK;
  }

  /** The media source. */
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
    return FIXED_SIZE + nacks.size() * PAIR_SIZE;
  }

  private void writeBody(ByteWriter out) {
    out.u32(senderSsrc).u32(mediaSsrc);
    for (NackPair pair : nacks) {
      out.u16(pair.packetId()).u16(pair.lostPackets());
    }
  }
}
