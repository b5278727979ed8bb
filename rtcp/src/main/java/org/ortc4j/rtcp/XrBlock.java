package org.ortc4j.rtcp;


/**
 * One report block of an {@link ExtendedReport}. Blocks this library decodes have their own
 * record; every other block type is kept as a {@link RawXrBlock}.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      BT       | type-specific |         block length          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * :             type-specific block contents                      :
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>The block length counts the 32-bit words of the contents, the 4-byte header excluded.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3611#section-3">RFC 3611 §3</a>
 */
public sealed interface XrBlock permits ReceiverReferenceTimeBlock, DlrrBlock, RawXrBlock {
  /** The size of a block's header in bytes. */
  int HEADER_SIZE = 4;

  /** The block type (BT). */
  int blockType();

  /** The 8-bit type-specific field of the block header. */
  int typeSpecific();

  /** Bytes of contents after the block header: a multiple of 4, the block length times 4. */
  int contentLength();
}
