package org.ortc4j.srtp.internal;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.ortc4j.srtp.SrtpProfile;

/**
 * AES-GCM with a 16-byte tag: the AEAD_AES_128_GCM and AEAD_AES_256_GCM profiles.
 *
 * <pre>
 * SRTP:  header | GCM(payload) | tag             AAD = header (with CSRCs and extension)
 *        IV = (00 00 | SSRC | ROC | SEQ) XOR salt
 * SRTCP: header(8) | GCM(rest) | tag | E+index   AAD = header(8) | E+index
 *        IV = (00 00 | SSRC | 00 00 | index) XOR salt
 * </pre>
 *
 * An SRTCP packet with the E flag clear is authenticated only: everything before the tag is AAD.
 *
 * <p>The JDK's GCM needs one {@code Cipher.init} per packet (a new IV), which allocates a few
 * small objects inside the JDK; nothing else here allocates.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7714#section-8">RFC 7714 §8 (SRTP)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7714#section-9">RFC 7714 §9 (SRTCP)</a>
 */
final class GcmPacketCipher extends PacketCipher {
  private static final int SALT_LENGTH = 12;
  private static final int TAG_LENGTH = 16;

  private final Cipher gcm;
  private final SecretKey key;
  private final byte[] salt;
  private final byte[] iv = new byte[SALT_LENGTH];
  private final byte[] indexWord = new byte[RTCP_INDEX_LENGTH];

  GcmPacketCipher(byte[] sessionKey, byte[] sessionSalt) {
    super(TAG_LENGTH);
    this.key = new SecretKeySpec(sessionKey, "AES");
    this.salt = sessionSalt.clone();
    try {
      this.gcm = Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no usable AES/GCM/NoPadding", e);
    }
  }

  static GcmPacketCipher derive(SrtpProfile profile, KeyDerivation kdf, boolean rtcp) {
    int base = rtcp ? KeyDerivation.RTCP_ENCRYPTION : KeyDerivation.RTP_ENCRYPTION;
    byte[] key = kdf.derive(base, profile.keyLength());
    byte[] salt = kdf.derive(base + 2, SALT_LENGTH);
    return new GcmPacketCipher(key, salt);
  }

  @Override
  public void protectRtp(byte[] buf, int off, int headerLength, int len, int ssrc, long index) {
    rtpIv(ssrc, index);
    initEncrypt();
    seal(buf, off, headerLength, off + headerLength, len - headerLength);
  }

  @Override
  public boolean unprotectRtp(byte[] buf, int off, int headerLength, int len, int ssrc,
      long index) {
    rtpIv(ssrc, index);
    init(Cipher.DECRYPT_MODE);
    gcm.updateAAD(buf, off, headerLength);
    return open(buf, off + headerLength, len - headerLength);
  }

  @Override
  public void protectRtcp(byte[] buf, int off, int len, int ssrc, int index) {
    rtcpIv(ssrc, index);
    Bytes.putInt(indexWord, 0, index | 0x80000000);
    initEncrypt();
    gcm.updateAAD(buf, off, RTCP_HEADER_LENGTH);
    gcm.updateAAD(indexWord);
    seal(buf, off, 0, off + RTCP_HEADER_LENGTH, len - RTCP_HEADER_LENGTH);
    System.arraycopy(indexWord, 0, buf, off + len + TAG_LENGTH, RTCP_INDEX_LENGTH);
  }

  @Override
  public boolean unprotectRtcp(byte[] buf, int off, int len, int ssrc) {
    int indexOffset = off + rtcpIndexOffset(len);
    int word = Bytes.getInt(buf, indexOffset);
    System.arraycopy(buf, indexOffset, indexWord, 0, RTCP_INDEX_LENGTH);
    rtcpIv(ssrc, word & 0x7fffffff);
    init(Cipher.DECRYPT_MODE);
    int sealedEnd = len - RTCP_INDEX_LENGTH;
    int aadEnd = word < 0 ? RTCP_HEADER_LENGTH : sealedEnd - TAG_LENGTH;
    gcm.updateAAD(buf, off, aadEnd);
    gcm.updateAAD(indexWord);
    return open(buf, off + aadEnd, sealedEnd - aadEnd);
  }

  @Override
  public int rtcpIndexOffset(int len) {
    return len - RTCP_INDEX_LENGTH;
  }

  private void rtpIv(int ssrc, long index) {
    iv[0] = 0;
    iv[1] = 0;
    Bytes.putInt(iv, 2, ssrc);
    Bytes.putInt(iv, 6, (int) (index >>> 16));
    iv[10] = (byte) (index >>> 8);
    iv[11] = (byte) index;
    Bytes.xor(iv, 0, salt, 0, SALT_LENGTH);
  }

  private void rtcpIv(int ssrc, int index) {
    iv[0] = 0;
    iv[1] = 0;
    Bytes.putInt(iv, 2, ssrc);
    iv[6] = 0;
    iv[7] = 0;
    Bytes.putInt(iv, 8, index);
    Bytes.xor(iv, 0, salt, 0, SALT_LENGTH);
  }

  // The JDK refuses to encrypt twice in a row under the same key and IV. SRTP re-protecting the
  // same packet index (a retransmission of identical bytes) is legitimate, so step aside once.
  private void initEncrypt() {
    try {
      gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, iv));
    } catch (InvalidAlgorithmParameterException sameIvTwice) {
      byte[] other = iv.clone();
      other[0] ^= 1;
      initWith(other);
      init(Cipher.ENCRYPT_MODE);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM refused a 16-byte key and 12-byte IV", e);
    }
  }

  private void initWith(byte[] otherIv) {
    try {
      gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, otherIv));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM refused an IV", e);
    }
  }

  private void init(int mode) {
    try {
      gcm.init(mode, key, new GCMParameterSpec(TAG_LENGTH * 8, iv));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM refused a key or IV", e);
    }
  }

  private void seal(byte[] buf, int aadOffset, int aadLength, int off, int len) {
    try {
      if (aadLength > 0) {
        gcm.updateAAD(buf, aadOffset, aadLength);
      }
      gcm.doFinal(buf, off, len, buf, off);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM encryption failed", e);
    }
  }

  private boolean open(byte[] buf, int off, int len) {
    try {
      gcm.doFinal(buf, off, len, buf, off);
      return true;
    } catch (AEADBadTagException forged) {
      return false;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM decryption failed", e);
    }
  }
}
