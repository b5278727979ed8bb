package org.ortc4j.api.internal;

/**
 * Reads just enough of a DTLS datagram to see whether it opens with a ClientHello, the
 * message that tells a DTLS client its peer is a client too.
 *
 * <pre>
 *  record header (RFC 6347 §4.1)          handshake header (§4.2.2)
 *  +------+---------+-------+-----+-----+ +---------+--------+---------+-----
 *  | type | version | epoch | seq | len | | msgtype | length | msg_seq | ...
 *  |  22  |  2 B    |  0    | 6 B | 2 B | |    1    |  3 B   |  2 B    |
 *  +------+---------+-------+-----+-----+ +---------+--------+---------+-----
 *   byte 0  1..2     3..4    5..10 11..12   13
 * </pre>
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6347#section-4.1">RFC 6347 §4.1</a>
 */
public final class DtlsRecords {
  private static final int HANDSHAKE = 22;
  private static final int CLIENT_HELLO = 1;
  private static final int RECORD_HEADER = 13;

  private DtlsRecords() {}

  /** Whether the first record is an epoch-0 handshake record carrying a ClientHello. */
  public static boolean isClientHello(byte[] buf, int off, int len) {
    if (len <= RECORD_HEADER) {
      return false;
    }
    boolean epochZero = buf[off + 3] == 0 && buf[off + 4] == 0;
    return (buf[off] & 0xFF) == HANDSHAKE && epochZero
        && (buf[off + RECORD_HEADER] & 0xFF) == CLIENT_HELLO;
  }
}
