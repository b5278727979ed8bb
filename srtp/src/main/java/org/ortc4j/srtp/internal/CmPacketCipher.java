package org.ortc4j.srtp.internal;

import org.ortc4j.srtp.SrtpProfile;

/**
 * AES counter mode with a truncated HMAC-SHA1 tag: the AES128_CM_HMAC_SHA1_80 and _32 profiles.
 *
 * <pre>
 * SRTP:  header | AES-CM(payload) | tag                   tag over header | payload | ROC
 * SRTCP: header(8) | AES-CM(rest) | E+index | tag         tag over everything before it
 * </pre>
 *
 * The counter IV is {@code (salt << 16) XOR (SSRC << 64) XOR (index << 16)}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3711#section-4.1.1">RFC 3711 §4.1.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3711#section-4.2">RFC 3711 §4.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3711#section-3.4">RFC 3711 §3.4 (SRTCP)</a>
 */
final class CmPacketCipher extends PacketCipher {
  private static final int SALT_LENGTH = 14;
  private static final int AUTH_KEY_LENGTH = 20;

  private final AesCounterMode aes;
  private final HmacSha1 hmac;
  private final long saltHigh;
  private final long saltLow;
  private final byte[] mac = new byte[HmacSha1.LENGTH];
  private final byte[] roc = new byte[4];

  CmPacketCipher(byte[] sessionKey, byte[] sessionSalt, byte[] authKey, int tagLength) {
    super(tagLength);
    this.aes = new AesCounterMode(sessionKey);
    this.hmac = new HmacSha1(authKey);
    byte[] iv = new byte[16];
    System.arraycopy(sessionSalt, 0, iv, 0, SALT_LENGTH);
    this.saltHigh = Bytes.getLong(iv, 0);
    this.saltLow = Bytes.getLong(iv, 8);
  }

  static CmPacketCipher derive(SrtpProfile profile, KeyDerivation kdf, boolean rtcp) {
    int base = rtcp ? KeyDerivation.RTCP_ENCRYPTION : KeyDerivation.RTP_ENCRYPTION;
    byte[] key = kdf.derive(base, profile.keyLength());
    byte[] auth = kdf.derive(base + 1, AUTH_KEY_LENGTH);
    byte[] salt = kdf.derive(base + 2, SALT_LENGTH);
    int tag = rtcp ? profile.rtcpTagLength() : profile.rtpTagLength();
    return new CmPacketCipher(key, salt, auth, tag);
  }

  @Override
  public void protectRtp(byte[] buf, int off, int headerLength, int len, int ssrc, long index) {
    crypt(buf, off + headerLength, len - headerLength, ssrc, index);
    computeRtpMac(buf, off, len, index);
    System.arraycopy(mac, 0, buf, off + len, tagLength());
  }

  @Override
  public boolean unprotectRtp(byte[] buf, int off, int headerLength, int len, int ssrc,
      long index) {
    int authenticated = len - tagLength();
    computeRtpMac(buf, off, authenticated, index);
    if (!Bytes.constantTimeEquals(mac, 0, buf, off + authenticated, tagLength())) {
      return false;
    }
    crypt(buf, off + headerLength, authenticated - headerLength, ssrc, index);
    return true;
  }

  @Override
  public void protectRtcp(byte[] buf, int off, int len, int ssrc, int index) {
    crypt(buf, off + RTCP_HEADER_LENGTH, len - RTCP_HEADER_LENGTH, ssrc, index);
    Bytes.putInt(buf, off + len, index | 0x80000000);
    int authenticated = len + RTCP_INDEX_LENGTH;
    computeMac(buf, off, authenticated);
    System.arraycopy(mac, 0, buf, off + authenticated, tagLength());
  }

  @Override
  public boolean unprotectRtcp(byte[] buf, int off, int len, int ssrc) {
    int authenticated = len - tagLength();
    computeMac(buf, off, authenticated);
    if (!Bytes.constantTimeEquals(mac, 0, buf, off + authenticated, tagLength())) {
      return false;
    }
    int word = Bytes.getInt(buf, off + authenticated - RTCP_INDEX_LENGTH);
    if (word < 0) {
      int encrypted = authenticated - RTCP_INDEX_LENGTH - RTCP_HEADER_LENGTH;
      crypt(buf, off + RTCP_HEADER_LENGTH, encrypted, ssrc, word & 0x7fffffff);
    }
    return true;
  }

  @Override
  public int rtcpIndexOffset(int len) {
    return len - tagLength() - RTCP_INDEX_LENGTH;
  }

  private void crypt(byte[] buf, int off, int len, int ssrc, long index) {
    aes.apply(saltHigh ^ (ssrc & 0xffffffffL), saltLow ^ (index << 16), buf, off, len);
  }

  private void computeRtpMac(byte[] buf, int off, int len, long index) {
    hmac.start();
    hmac.update(buf, off, len);
    Bytes.putInt(roc, 0, (int) (index >>> 16));
    hmac.update(roc, 0, roc.length);
    hmac.finish(mac, 0);
  }

  private void computeMac(byte[] buf, int off, int len) {
    hmac.start();
    hmac.update(buf, off, len);
    hmac.finish(mac, 0);
  }
}
