package org.ortc4j.bench;

import org.bouncycastle.tls.NamedGroup;

/**
 * Reads the ECDHE group from a DTLS 1.2 server's ServerKeyExchange as it goes by: the group is
 * not in any library's public handshake result, and this way every scenario's group is learnt
 * the same way, from the wire. Reads only unencrypted (epoch 0) handshake records.
 *
 * <pre>
 * record:    type(1)=22 version(2) epoch(2)=0 sequence(6) length(2)      13 bytes
 * handshake: msg_type(1)=12 length(3) message_seq(2) fragment_offset(3)=0 fragment_length(3)
 * body:      curve_type(1)=3 (named_curve) namedcurve(2) ...
 * </pre>
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6347#section-4.2.2">RFC 6347 §4.2.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8422#section-5.4">RFC 8422 §5.4</a>
 */
final class ServerKeyExchangeSniffer {
  private static final int RECORD_HEADER = 13;
  private static final int HANDSHAKE_HEADER = 12;
  private static final int HANDSHAKE = 22;
  private static final int SERVER_KEY_EXCHANGE = 12;
  private static final int NAMED_CURVE = 3;

  private volatile String group;

  /** The group seen, e.g. {@code x25519}; null until a ServerKeyExchange went by. */
  String group() {
    return group;
  }

  /** Looks through one datagram's records. */
  void inspect(byte[] buf, int off, int len) {
    int end = off + len;
    int record = off;
    while (record + RECORD_HEADER <= end) {
      int length = u16(buf, record + 11);
      if (record + RECORD_HEADER + length > end) {
        return;
      }
      if (buf[record] == HANDSHAKE && u16(buf, record + 3) == 0) {
        inspectHandshake(buf, record + RECORD_HEADER, length);
      }
      record += RECORD_HEADER + length;
    }
  }

  private void inspectHandshake(byte[] buf, int off, int length) {
    boolean serverKeyExchange =
        length >= HANDSHAKE_HEADER + 3
            && buf[off] == SERVER_KEY_EXCHANGE
            && u24(buf, off + 6) == 0
            && buf[off + HANDSHAKE_HEADER] == NAMED_CURVE;
    if (serverKeyExchange) {
      group = NamedGroup.getName(u16(buf, off + HANDSHAKE_HEADER + 1));
    }
  }

  private static int u16(byte[] buf, int off) {
    return (buf[off] & 0xff) << 8 | (buf[off + 1] & 0xff);
  }

  private static int u24(byte[] buf, int off) {
    return (buf[off] & 0xff) << 16 | u16(buf, off + 1);
  }
}
