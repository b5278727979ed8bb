package org.ortc4j.rtcp;

import java.util.List;
import org.ortc4j.rtcp.RtcpParseException.Reason;
import org.ortc4j.rtcp.internal.ByteReader;
import org.ortc4j.rtcp.internal.ByteWriter;
import org.ortc4j.rtcp.internal.FieldChecks;

/**
 * DLRR Report block (XR block type 5): for each receiver that sent a {@link
 * ReceiverReferenceTimeBlock}, when that arrived and how long ago.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     BT=5      |   reserved    |         block length          |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * |                 SSRC_1 (SSRC of first receiver)               | sub-
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+ block
 * |                         last RR (LRR)                         |   1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                   delay since last RR (DLRR)                  |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * |                 SSRC_2 (SSRC of second receiver)              | sub-
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+ block
 * :                               ...                             :   2
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * </pre>
 *
 * <p>The reserved byte is ignored on reception and written as 0, as RFC 3611 asks. A block of
 * type 5 whose length is not a multiple of 3 words is {@link Reason#BAD_XR_BLOCK}; a block
 * without sub-blocks is accepted.
 *
 * @param subBlocks one per receiver, at most {@link #MAX_SUB_BLOCKS} (the 16-bit block length)
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3611#section-4.5">RFC 3611 §4.5</a>
 */
public record DlrrBlock(List<DlrrSubBlock> subBlocks) implements XrBlock {
  /** The block type, 5. */
  public static final int BLOCK_TYPE = 5;
  /** The most sub-blocks whose length the 16-bit block length can express. */
  public static final int MAX_SUB_BLOCKS = 0xffff * 4 / DlrrSubBlock.SIZE;

  public DlrrBlock {
    subBlocks = FieldChecks.list(subBlocks, MAX_SUB_BLOCKS, "subBlocks");
  }

  static DlrrBlock parseContent(ByteReader content) throws RtcpParseException {
    if (content.remaining() % DlrrSubBlock.SIZE != 0) {
      throw content.error(
          Reason.BAD_XR_BLOCK,
          "a DLRR block's length is a multiple of 3 words, not "
              + content.remaining() / 4
              + " words");
    }
    DlrrSubBlock[] subBlocks = new DlrrSubBlock[content.remaining() / DlrrSubBlock.SIZE];
    for (int i = 0; i < subBlocks.length; i++) {
      subBlocks[i] = new DlrrSubBlock(content.u32(), content.u32(), content.u32());
    }
    return new DlrrBlock(List.of(subBlocks));
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
    return subBlocks.size() * DlrrSubBlock.SIZE;
  }

  void writeContent(ByteWriter out) {
    for (DlrrSubBlock subBlock : subBlocks) {
      out.u32(subBlock.ssrc()).u32(subBlock.lastRr()).u32(subBlock.delaySinceLastRr());
    }
  }
}
