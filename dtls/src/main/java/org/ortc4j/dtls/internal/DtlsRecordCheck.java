package org.ortc4j.dtls.internal;

/**
 * A cheap structural test of a datagram: one or more whole DTLS records back to back, each
 * with a known content type, the record version of DTLS 1.0 or 1.2, and a length that fits.
 * Anything else is not DTLS 1.2 and is dropped (and counted) before BouncyCastle sees it;
 * BouncyCastle drops the rest of the bad records (wrong epoch, bad MAC) silently.
 *
 * <p>The version test is strict because BouncyCastle's record layer reads the version of every
 * record before it authenticates it, and throws an unchecked exception for the reserved {254,
 * 254}: one such datagram on the path would end a session. A DTLS 1.2 peer writes {254, 253},
 * or {254, 255} in its first flight (RFC 6347 §4.2.1); DTLS 1.3 keeps {254, 253} as its legacy
 * record version (RFC 9147 §4).
 *
 * <pre>
 *  0                   1                   2                   3
 * +---------------+---------------+---------------+---------------+
 * | content type  | version (254, 253 or 255)     | epoch ...     |
 * +---------------+---------------+---------------+---------------+
 * | ... epoch     | sequence number (48 bits) ...                 |
 * +---------------+---------------+---------------+---------------+
 * | ...                           | length                        |
 * +---------------+---------------+---------------+---------------+
 * </pre>
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6347#section-4.1">RFC 6347 §4.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7983#section-7">RFC 7983 §7</a>
 */
public final class DtlsRecordCheck {
  /** The DTLS 1.2 record header length. */
  public static final int HEADER_LENGTH = 13;
  private static final int FIRST_CONTENT_TYPE = 20;  // change_cipher_spec
  private static final int LAST_CONTENT_TYPE = 25;   // tls12_cid
  private static final int DTLS_MAJOR_VERSION = 0xFE;
  private static final int DTLS_1_0_MINOR_VERSION = 0xFF;
  private static final int DTLS_1_2_MINOR_VERSION = 0xFD;

  private DtlsRecordCheck() {}

  /** Whether {@code buf[off, off + len)} is a sequence of well-framed DTLS records. */
  public static boolean isDtls(byte[] buf, int off, int len) {
    if (len < HEADER_LENGTH) {
      return false;
    }
    int end = off + len;
    int at = off;
    while (at < end) {
      if (end - at < HEADER_LENGTH || !plausibleHeader(buf, at)) {
        return false;
      }
      int length = ((buf[at + 11] & 0xFF) << 8) | (buf[at + 12] & 0xFF);
      at += HEADER_LENGTH + length;
    }
    return at == end;
  }

  private static boolean plausibleHeader(byte[] buf, int at) {
    int type = buf[at] & 0xFF;
    int minor = buf[at + 2] & 0xFF;
    return type >= FIRST_CONTENT_TYPE && type <= LAST_CONTENT_TYPE
        && (buf[at + 1] & 0xFF) == DTLS_MAJOR_VERSION
        && (minor == DTLS_1_2_MINOR_VERSION || minor == DTLS_1_0_MINOR_VERSION);
  }
}
