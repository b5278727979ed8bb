package org.ortc4j.rtcp;

/**
 * How strictly {@link RtcpCompound#parse(byte[], int, int, CompoundValidation)} checks the
 * sequence of packets, beyond each packet being well formed and the lengths adding up (which
 * every level checks).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3550#appendix-A.2">RFC 3550 Appendix A.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc5506#section-3.4">RFC 5506 §3.4</a>
 */
public enum CompoundValidation {
  /** Any sequence of well-formed packets. */
  NONE,
  /**
   * Reduced-size RTCP (RFC 5506 §3.4.2): any first packet, but padding only on the last packet.
   */
  REDUCED_SIZE,
  /**
   * The checks of RFC 3550 §6.1 and Appendix A.2: the first packet is a Sender or Receiver
   * Report, and only the last packet may carry padding.
   */
  RFC3550
}
