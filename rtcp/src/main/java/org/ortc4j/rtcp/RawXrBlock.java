package org.ortc4j.rtcp;

import java.util.Arrays;
import java.util.HexFormat;
import org.ortc4j.rtcp.internal.ByteWriter;
import org.ortc4j.rtcp.internal.FieldChecks;

/**
 * An XR report block of a type this library does not decode (anything but {@link
 * ReceiverReferenceTimeBlock} and {@link DlrrBlock}), kept as it came.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      BT       | type-specific |         block length          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * :                  content (kept as is)                         :
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param blockType the block type, neither 4 nor 5 (those always decode to their own records, so
 *     a raw one could not round-trip)
 * @param typeSpecific the type-specific byte of the block header
 * @param content the bytes after the block header (copied in and out): whole 32-bit words, at
 *     most 65535 of them
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3611#section-3">RFC 3611 §3</a>
 */
public record RawXrBlock(int blockType, int typeSpecific, byte[] content) implements XrBlock {
  /** The most content the 16-bit block length can describe. */
  public static final int MAX_CONTENT_LENGTH = 0xffff * 4;

  public RawXrBlock {
    FieldChecks.u8(blockType, "blockType");
    if (blockType == ReceiverReferenceTimeBlock.BLOCK_TYPE || blockType == DlrrBlock.BLOCK_TYPE) {
      throw new IllegalArgumentException(
          "block type " + blockType + " has its own record, it cannot be raw");
    }
    FieldChecks.u8(typeSpecific, "typeSpecific");
    content = FieldChecks.bytes(content, MAX_CONTENT_LENGTH, "content");
    if (content.length % 4 != 0) {
      throw new IllegalArgumentException(
          "content must be whole 32-bit words, was " + content.length + " bytes");
    }
  }

  /** A copy of the content. */
  @Override
  public byte[] content() {
    return content.clone();
  }

  @Override
  public int contentLength() {
    return content.length;
  }

  void writeContent(ByteWriter out) {
    out.bytes(content);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RawXrBlock that
        && blockType == that.blockType
        && typeSpecific == that.typeSpecific
        && Arrays.equals(content, that.content);
  }

  @Override
  public int hashCode() {
    return (blockType * 31 + typeSpecific) * 31 + Arrays.hashCode(content);
  }

  @Override
  public String toString() {
    return "RawXrBlock[blockType="
        + blockType
        + ", typeSpecific="
        + typeSpecific
        + ", content="
        + HexFormat.of().formatHex(content)
        + "]";
  }
}
