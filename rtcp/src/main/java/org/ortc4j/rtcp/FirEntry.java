package org.ortc4j.rtcp;

import org.ortc4j.rtcp.internal.FieldChecks;

/**
 * One FCI entry of a {@link FullIntraRequest}: a request to the sender of {@code ssrc}.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                              SSRC                             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Seq nr.       |    Reserved                                   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>The reserved bits are not kept: RFC 5104 has senders set them to 0 and receivers ignore
 * them, so they are written as zeros.
 *
 * @param ssrc the media sender asked for a decoder refresh point
 * @param sequenceNumber the 8-bit command sequence number, which the requester increments for
 *     every new request to {@code ssrc} (repetitions keep it)
 * @see <a href="https://www.rfc-editor.org/rfc/rfc5104#section-4.3.1.1">RFC 5104 §4.3.1.1</a>
 */
public record FirEntry(long ssrc, int sequenceNumber) {
  /** Bytes one entry takes on the wire. */
  static final int SIZE = 8;

  public FirEntry {
    FieldChecks.u32(ssrc, "ssrc");
    FieldChecks.u8(sequenceNumber, "sequenceNumber");
  }
}
