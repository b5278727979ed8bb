package org.ortc4j.rtcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ortc4j.rtcp.RtcpParseException.Reason;
import org.ortc4j.rtcp.internal.ByteReader;
import org.ortc4j.rtcp.internal.ByteWriter;
import org.ortc4j.rtcp.internal.FieldChecks;

/**
 * Extended Report (XR): report blocks beyond the reception statistics of SR and RR. Receiver
 * Reference Time ({@link ReceiverReferenceTimeBlock}) and DLRR ({@link DlrrBlock}) blocks, which
 * give non-senders a round-trip time, are decoded; blocks of any other type are kept as {@link
 * RawXrBlock}s.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|reserved |   PT=XR=207   |             length            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                              SSRC                             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * :                         report blocks                         :
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>The 5-bit reserved field is ignored on reception and written as 0, as RFC 3611 asks. Every
 * malformed block, including a block header or a block length running past the end of the
 * packet, is {@link Reason#BAD_XR_BLOCK}; a missing sender SSRC is {@link Reason#TOO_SHORT}.
 *
 * @param senderSsrc SSRC of the packet's originator
 * @param blocks the report blocks, in order; possibly none
 * @param padding bytes of padding, the count byte included: a multiple of 4
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3611#section-2">RFC 3611 §2</a>
 */
public record ExtendedReport(long senderSsrc, List<XrBlock> blocks, int padding)
    implements RtcpPacket {
  /** The most blocks a packet can carry (all of them empty). */
  public static final int MAX_BLOCKS =
      (RtcpHeader.MAX_PACKET_SIZE - RtcpHeader.SIZE - 4) / XrBlock.HEADER_SIZE;

  public ExtendedReport {
    FieldChecks.u32(senderSsrc, "senderSsrc");
    blocks = FieldChecks.list(blocks, MAX_BLOCKS, "blocks");
    PacketChecks.requireWholeWords("XR", bodyLength(blocks), padding);
  }

  /** An XR without padding. */
  public ExtendedReport(long senderSsrc, List<XrBlock> blocks) {
    this(senderSsrc, blocks, 0);
  }

  static ExtendedReport parseBody(int reserved, ByteReader body, int padding)
      throws RtcpParseException {
    body.need(4, "the sender SSRC");
    long senderSsrc = body.u32();
    List<XrBlock> blocks = new ArrayList<>();
    while (body.remaining() > 0) {
      blocks.add(readBlock(body));
    }
    return new ExtendedReport(senderSsrc, blocks, padding);
  }

  private static XrBlock readBlock(ByteReader body) throws RtcpParseException {
    if (body.remaining() < XrBlock.HEADER_SIZE) {
      throw body.error(
          Reason.BAD_XR_BLOCK, body.remaining() + " bytes left, too few for a block header");
    }
    int type = body.u8();
    int typeSpecific = body.u8();
    int contentLength = body.u16() * 4;
    if (contentLength > body.remaining()) {
      throw body.error(
          Reason.BAD_XR_BLOCK,
          "block type " + type + " declares " + contentLength + " bytes of contents, "
              + body.remaining() + " left");
    }
    ByteReader content = body.slice(contentLength, "block type " + type);
    switch (type) {
      case ReceiverReferenceTimeBlock.BLOCK_TYPE:
        return ReceiverReferenceTimeBlock.parseContent(content);
      case DlrrBlock.BLOCK_TYPE:
        return DlrrBlock.parseContent(content);
      default:
        return new RawXrBlock(type, typeSpecific, content.bytes(contentLength));
    }
  }

  /** The first Receiver Reference Time block, if any. */
  public Optional<ReceiverReferenceTimeBlock> receiverReferenceTime() {
    return blocks.stream()
        .filter(ReceiverReferenceTimeBlock.class::isInstance)
        .map(ReceiverReferenceTimeBlock.class::cast)
        .findFirst();
  }

  /** The sub-blocks of all DLRR blocks, in order. */
  public List<DlrrSubBlock> dlrrSubBlocks() {
    return blocks.stream()
        .filter(DlrrBlock.class::isInstance)
        .flatMap(block -> ((DlrrBlock) block).subBlocks().stream())
        .toList();
  }

  @Override
  public int packetType() {
    return RtcpPacketType.EXTENDED_REPORT;
  }

  /** The reserved field: always 0. */
  @Override
  public int countOrFormat() {
    return 0;
  }

  /**
   * The receivers the DLRR sub-blocks answer, in order. Other blocks (raw ones included) are not
   * looked into, and the sender SSRC is not a destination (Pion, by contrast, lists it too).
   */
  @Override
  public List<Long> destinationSsrcs() {
    return dlrrSubBlocks().stream().map(DlrrSubBlock::ssrc).toList();
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
    return (int) bodyLength(blocks);
  }

  /** As a {@code long}: the constructor checks it before it is known to fit. */
  private static long bodyLength(List<XrBlock> blocks) {
    long length = 4;
    for (XrBlock block : blocks) {
      length += XrBlock.HEADER_SIZE + block.contentLength();
    }
    return length;
  }

  private void writeBody(ByteWriter out) {
    out.u32(senderSsrc);
    for (XrBlock block : blocks) {
      out.u8(block.blockType()).u8(block.typeSpecific()).u16(block.contentLength() / 4);
      writeContent(block, out);
    }
  }

  /** Writes the block's contents, without its header; the permitted block types are known. */
  private static void writeContent(XrBlock block, ByteWriter out) {
    if (block instanceof ReceiverReferenceTimeBlock rrtr) {
      rrtr.writeContent(out);
    } else if (block instanceof DlrrBlock dlrr) {
      dlrr.writeContent(out);
    } else {
      ((RawXrBlock) block).writeContent(out);
    }
  }
}
