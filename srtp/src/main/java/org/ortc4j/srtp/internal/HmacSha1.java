package org.ortc4j.srtp.internal;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * HMAC-SHA1 (RFC 2104) over a reused {@link MessageDigest}, writing into a caller's array.
 *
 * <p>The JDK's {@code Mac.doFinal} returns fresh arrays; this computes the same value with the
 * same two SHA-1 passes and allocates nothing per message. Not thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2104">RFC 2104</a>
 */
public final class HmacSha1 {
  /** Length of the full HMAC-SHA1 output in bytes. */
  public static final int LENGTH = 20;
  private static final int BLOCK = 64;

  private final MessageDigest sha1;
  private final byte[] innerPad = new byte[BLOCK];
  private final byte[] outerPad = new byte[BLOCK];
  private final byte[] innerHash = new byte[LENGTH];

  /** An HMAC keyed with {@code key} (at most 64 bytes; SRTP uses 20). */
  public HmacSha1(byte[] key) {
    if (key.length > BLOCK) {
      throw new IllegalArgumentException("HMAC keys longer than 64 bytes are not supported");
    }
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-1", e);
    }
    for (int i = 0; i < BLOCK; i++) {
      byte k = i < key.length ? key[i] : 0;
      innerPad[i] = (byte) (k ^ 0x36);
      outerPad[i] = (byte) (k ^ 0x5c);
    }
  }

  /** Starts a new message. */
  public void start() {
    sha1.reset();
    sha1.update(innerPad);
  }

  /** Adds {@code data[offset, offset + length)} to the message. */
  public void update(byte[] data, int offset, int length) {
    sha1.update(data, offset, length);
  }

  /** Writes the 20-byte HMAC of the message to {@code out[offset...]}. */
  public void finish(byte[] out, int offset) {
    try {
      sha1.digest(innerHash, 0, LENGTH);
      sha1.update(outerPad);
      sha1.update(innerHash);
      sha1.digest(out, offset, LENGTH);
    } catch (DigestException e) {
      throw new IllegalStateException("SHA-1 refused a 20-byte output", e);
    }
  }
}
