package org.ortc4j.rtcp;

import org.ortc4j.rtcp.internal.FieldChecks;

/**
 * One FCI entry of a {@link SliceLossIndication}: a run of lost macroblocks of one picture.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            First        |        Number           | PictureID |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param first the macroblock address of the first lost macroblock (13 bits)
 * @param number the number of lost macroblocks (13 bits)
 * @param pictureId the six least significant bits of the codec-specific picture identifier
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4585#section-6.3.2">RFC 4585 §6.3.2</a>
 */
public record SliceLossEntry(int first, int number, int pictureId) {
  /** Bytes one entry takes on the wire. */
  static final int SIZE = 4;

  public SliceLossEntry {
    FieldChecks.unsigned(first, 13, "first");
    FieldChecks.unsigned(number, 13, "number");
    FieldChecks.unsigned(pictureId, 6, "pictureId");
  }

  /** The entry a 32-bit FCI word holds; every word is a valid entry. */
  static SliceLossEntry fromWord(long word) {
    return new SliceLossEntry(
        (int) (word >>> 19) & 0x1fff, (int) (word >>> 6) & 0x1fff, (int) word & 0x3f);
  }

  /** The 32-bit FCI word. */
  long toWord() {
    return ((long) first << 19) | ((long) number << 6) | pictureId;
  }
}
