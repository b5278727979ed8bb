package org.ortc4j.srtp.internal;

/**
 * The SRTP key derivation function with a key derivation rate of 0: the AES-CM PRF keyed with
 * the master key, run on the master salt XOR the label (RFC 3711 §4.3.1, §4.3.3). RFC 7714 §11
 * uses the same function for the AEAD profiles, with the 12-byte master salt zero-padded to 14.
 *
 * <p>An instance keeps one AES key schedule for all six labels of a context. Not thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3711#section-4.3">RFC 3711 §4.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7714#section-11">RFC 7714 §11</a>
 */
public final class KeyDerivation {
  /** Label of the SRTP encryption key. */
  public static final int RTP_ENCRYPTION = 0x00;
  /** Label of the SRTP authentication key. */
  public static final int RTP_AUTHENTICATION = 0x01;
  /** Label of the SRTP salt. */
  public static final int RTP_SALT = 0x02;
  /** Label of the SRTCP encryption key. */
  public static final int RTCP_ENCRYPTION = 0x03;
  /** Label of the SRTCP authentication key. */
  public static final int RTCP_AUTHENTICATION = 0x04;
  /** Label of the SRTCP salt. */
  public static final int RTCP_SALT = 0x05;

  // The label is the top byte of the 56-bit key_id, which is right-aligned in the 112-bit x.
  private static final int LABEL_POSITION = 7;

  private final AesCounterMode prf;
  private final byte[] masterSalt;

  /** The function keyed with {@code masterKey} and {@code masterSalt}. */
  public KeyDerivation(byte[] masterKey, byte[] masterSalt) {
    this.prf = new AesCounterMode(masterKey);
    this.masterSalt = masterSalt.clone();
  }

  /** {@code length} bytes of session key material for {@code label}. */
  public byte[] derive(int label, int length) {
    byte[] iv = new byte[16];
    System.arraycopy(masterSalt, 0, iv, 0, masterSalt.length);
    iv[LABEL_POSITION] ^= (byte) label;
    byte[] out = new byte[length];
    prf.apply(iv, out, 0, length);
    return out;
  }

  /** {@code length} bytes of session key material for {@code label}, from a one-off function. */
  public static byte[] derive(byte[] masterKey, byte[] masterSalt, int label, int length) {
    return new KeyDerivation(masterKey, masterSalt).derive(label, length);
  }
}
