package org.ortc4j.rtcp;

import org.ortc4j.rtcp.internal.FieldChecks;

/**
 * A 16-bit packet status chunk of a {@link TransportWideCcFeedback}: a run of one status, or a
 * vector of 14 one-bit or 7 two-bit statuses.
 *
 * <p>The first bit tells the kinds apart: 0 for a {@link TwccRunLengthChunk}, 1 for a {@link
 * TwccStatusVectorChunk}.
 *
 * @see <a
 *     href="https://datatracker.ietf.org/doc/html/draft-holmer-rmcat-transport-wide-cc-extensions-01#section-3.1.3">
 *     draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1.3–3.1.4</a>
 */
public sealed interface TwccChunk permits TwccRunLengthChunk, TwccStatusVectorChunk {
  /** How many consecutive packets the chunk describes: the run length, 14 or 7. */
  int statusCount();

  /**
   * The status of the chunk's {@code index}-th packet.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= index < statusCount()}
   */
  TwccStatusSymbol symbol(int index);

  /** The chunk's 16-bit wire value. */
  int encode();

  /**
   * The chunk a 16-bit wire value holds. Every value is some chunk.
   *
   * @throws IllegalArgumentException if {@code value} is not an unsigned 16-bit value
   */
  static TwccChunk decode(int value) {
    FieldChecks.u16(value, "chunk");
    if ((value & 0x8000) == 0) {
      return TwccRunLengthChunk.decodeRun(value);
    }
    return TwccStatusVectorChunk.decodeVector(value);
  }
}
