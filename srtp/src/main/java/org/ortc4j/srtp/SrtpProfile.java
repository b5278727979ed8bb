package org.ortc4j.srtp;

import java.util.Optional;

/**
 * The SRTP protection profiles ortc4j implements, with their DTLS-SRTP identifiers and the
 * lengths that key derivation, packet framing and DTLS-SRTP key export need.
 *
 * <p>The identifiers are the IANA "DTLS-SRTP Protection Profiles" values carried in the
 * {@code use_srtp} extension. The AES_CM profiles differ only in the SRTP tag length: SRTCP
 * always carries an 80-bit tag (RFC 5764 §4.1.2). The AEAD profiles carry a 16-byte GCM tag on
 * both.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc5764#section-4.1.2">RFC 5764 §4.1.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7714#section-14.2">RFC 7714 §14.2</a>
 */
public enum SrtpProfile {
  /** AES-128 counter mode, HMAC-SHA1 with an 80-bit tag (id 0x0001). */
  AES128_CM_HMAC_SHA1_80(0x0001, 16, 14, 10, 10, false),
  /** AES-128 counter mode, HMAC-SHA1 with a 32-bit SRTP tag and an 80-bit SRTCP tag (id 0x0002). */
  AES128_CM_HMAC_SHA1_32(0x0002, 16, 14, 4, 10, false),
  /** AES-128 in Galois/counter mode, 16-byte tag, 12-byte salt (id 0x0007). */
  AEAD_AES_128_GCM(0x0007, 16, 12, 16, 16, true),
  /** AES-256 in Galois/counter mode, 16-byte tag, 12-byte salt (id 0x0008). */
  AEAD_AES_256_GCM(0x0008, 32, 12, 16, 16, true);

  private final int id;
  private final int keyLength;
  private final int saltLength;
  private final int rtpTagLength;
  private final int rtcpTagLength;
  private final boolean aead;

  SrtpProfile(
      int id, int keyLength, int saltLength, int rtpTagLength, int rtcpTagLength, boolean aead) {
    this.id = id;
    this.keyLength = keyLength;
    this.saltLength = saltLength;
    this.rtpTagLength = rtpTagLength;
    this.rtcpTagLength = rtcpTagLength;
    this.aead = aead;
  }

  /** The IANA DTLS-SRTP protection profile identifier (1, 2, 7 or 8). */
  public int id() {
    return id;
  }

  /** Master key length in bytes. */
  public int keyLength() {
    return keyLength;
  }

  /** Master salt length in bytes. */
  public int saltLength() {
    return saltLength;
  }

  /** Authentication tag length of an SRTP packet in bytes. */
  public int rtpTagLength() {
    return rtpTagLength;
  }

  /** Authentication tag length of an SRTCP packet in bytes. */
  public int rtcpTagLength() {
    return rtcpTagLength;
  }

  /** Whether the profile is an AEAD (GCM) one rather than AES counter mode with HMAC-SHA1. */
  public boolean isAead() {
    return aead;
  }

  /**
   * Length of the keying material a DTLS-SRTP exporter must produce for this profile: a master
   * key and a master salt for each direction, {@code 2 * (keyLength + saltLength)}.
   *
   * @see <a href="https://www.rfc-editor.org/rfc/rfc5764#section-4.2">RFC 5764 §4.2</a>
   */
  public int keyingMaterialLength() {
    return 2 * (keyLength + saltLength);
  }

  /** The profile with this IANA identifier, or empty when ortc4j does not implement it. */
  public static Optional<SrtpProfile> fromId(int id) {
    for (SrtpProfile profile : values()) {
      if (profile.id == id) {
        return Optional.of(profile);
      }
    }
    return Optional.empty();
  }
}
