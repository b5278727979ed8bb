package org.ortc4j.rtcp;

import org.ortc4j.rtcp.internal.FieldChecks;

/**
 * One sub-block of a {@link DlrrBlock}: the media sender's answer to the last {@link
 * ReceiverReferenceTimeBlock} it received from one receiver.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 SSRC_1 (SSRC of first receiver)               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         last RR (LRR)                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                   delay since last RR (DLRR)                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param ssrc the receiver the sub-block answers
 * @param lastRr the middle 32 bits of the NTP timestamp of that receiver's last RRTR block, 0 if
 *     none was received
 * @param delaySinceLastRr the delay between receiving that RRTR and sending this block, in units
 *     of 1/65536 s; 0 if none was received
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3611#section-4.5">RFC 3611 §4.5</a>
 */
public record DlrrSubBlock(long ssrc, long lastRr, long delaySinceLastRr) {
  /** Bytes one sub-block takes on the wire. */
  static final int SIZE = 12;

  public DlrrSubBlock {
    FieldChecks.u32(ssrc, "ssrc");
    FieldChecks.u32(lastRr, "lastRr");
    FieldChecks.u32(delaySinceLastRr, "delaySinceLastRr");
  }
}
