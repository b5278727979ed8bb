package org.ortc4j.ice.internal;

/**
 * Tells STUN and TURN ChannelData datagrams from media by their first bytes (RFC 7983).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |0 0|     STUN Message Type     |         Message Length        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Magic Cookie                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8489#section-5">RFC 8489 §5</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7983#section-7">RFC 7983 §7</a>
 */
public final class StunPackets {
  /** The STUN magic cookie. */
  public static final int MAGIC_COOKIE = 0x2112A442;
  /** The STUN header length. */
  public static final int HEADER_LENGTH = 20;

  private StunPackets() {}

  /** Whether the datagram is a STUN message: top bits 00, 20+ bytes and the magic cookie. */
  public static boolean isStun(byte[] buf, int off, int len) {
    return len >= HEADER_LENGTH
        && (buf[off] & 0xC0) == 0
        && readInt(buf, off + 4) == MAGIC_COOKIE;
  }

  /** Whether the datagram looks like TURN ChannelData: first byte 64 to 79 and 4+ bytes. */
  public static boolean isChannelData(byte[] buf, int off, int len) {
    int first = buf[off] & 0xFF;
    return len >= 4 && first >= 64 && first <= 79;
  }

  /** Whether the datagram is a STUN Binding request (message type 0x0001): a connectivity check. */
  public static boolean isBindingRequest(byte[] buf, int off, int len) {
    return isStun(buf, off, len) && buf[off] == 0 && buf[off + 1] == 1;
  }

  private static int readInt(byte[] b, int i) {
    return (b[i] & 0xFF) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | b[i + 3] & 0xFF;
  }
}
