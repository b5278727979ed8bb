package org.ortc4j.api.internal;

/**
 * What a datagram on the ICE connection carries, told by its first byte (RFC 7983 §7), and for
 * RTP/RTCP by its second (RFC 5761 §4: RTCP packet types 192..223 never collide with the
 * payload types RTP may use).
 *
 * <pre>
 *                  +----------------+
 *                  |        [0..3] -+--> STUN (handled by the ICE layer)
 *                  |                |
 *                  |      [16..19] -+--> ZRTP        (dropped, counted)
 *      packet -->  |                |
 *                  |      [20..63] -+--> DTLS
 *                  |                |
 *                  |      [64..79] -+--> TURN channel (dropped, counted)
 *                  |                |
 *                  |    [128..191] -+--> RTP / RTCP
 *                  +----------------+
 * </pre>
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7983#section-7">RFC 7983 §7</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc5761#section-4">RFC 5761 §4</a>
 */
public enum PacketClass {
  /** A DTLS record (first byte 20..63). */
  DTLS,
  /** An SRTP packet (first byte 128..191, second byte not an RTCP packet type). */
  RTP,
  /** An SRTCP packet (first byte 128..191, second byte 192..223). */
  RTCP,
  /** Anything else: empty, STUN, ZRTP, TURN channel data, or unassigned ranges. */
  OTHER;

  /** Classifies the datagram at {@code buf[off..off+len)}. */
  public static PacketClass of(byte[] buf, int off, int len) {
    if (len < 1) {
      return OTHER;
    }
    int first = buf[off] & 0xFF;
    if (first >= 20 && first <= 63) {
      return DTLS;
    }
    if (first < 128 || first > 191 || len < 2) {
      return OTHER;
    }
    int second = buf[off + 1] & 0xFF;
    return second >= 192 && second <= 223 ? RTCP : RTP;
  }
}
