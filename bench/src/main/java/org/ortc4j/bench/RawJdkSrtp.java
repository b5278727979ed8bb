package org.ortc4j.bench;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.ortc4j.srtp.SrtpProfile;

/**
 * The floor of {@link SrtpBenchmark}: the least work the JDK's primitives allow per SRTP packet,
 * with nothing an SRTP library must add (no rollover counter estimate, no replay window, no
 * header parsing, no status). The caller passes the packet's 48-bit index; the RTP header is the
 * 12 bytes of {@link SrtpScenarios}' packets.
 *
 * <ul>
 *   <li>AES_CM + HMAC-SHA1: one {@code AES/CTR/NoPadding} {@code init} with the packet's IV and
 *       one {@code doFinal} over the payload, in place; one {@code HmacSHA1} over header, payload
 *       and rollover counter (RFC 3711 §4.2), the first 10 bytes appended or compared.
 *   <li>AEAD_AES_GCM: one {@code AES/GCM/NoPadding} {@code init} with the packet's IV, the header
 *       as AAD, one {@code doFinal} in place (RFC 7714 §8–9).
 * </ul>
 *
 * <p>In place, as the JDK's {@code CipherCore} sees input and output overlap, every {@code
 * doFinal} first copies its input to a new array; {@link Output#SCRATCH} instead encrypts into a
 * reused array and copies the result back, which allocates nothing for the payload.
 *
 * <p>Session keys come from the RFC 3711 §4.3 key derivation (rate 0), which RFC 7714 §11 reuses
 * for GCM with a 12-byte salt. Not thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3711#section-4.3">RFC 3711 §4.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7714#section-8">RFC 7714 §8</a>
 */
abstract class RawJdkSrtp {
  static final int LABEL_RTP_ENCRYPTION = 0;
  static final int LABEL_RTP_AUTHENTICATION = 1;
  static final int LABEL_RTP_SALT = 2;

  private static final int HEADER = SrtpScenarios.HEADER_LENGTH;

  /** Where the cipher writes its output. */
  enum Output {
    /** {@code doFinal(packet, off, len, packet, off)}: the JDK copies the input first. */
    IN_PLACE,
    /** {@code doFinal} into a reused array, then {@code System.arraycopy} back into the packet. */
    SCRATCH
  }

  private final Output output;
  private final byte[] scratch = new byte[1500 + 16];

  RawJdkSrtp(Output output) {
    this.output = output;
  }

  /** The floor for {@code profile}: AES128_CM_HMAC_SHA1_80 or an AEAD_AES_*_GCM profile. */
  static RawJdkSrtp create(
      SrtpProfile profile, byte[] masterKey, byte[] masterSalt, Output output) {
    try {
      return profile.isAead()
          ? new Gcm(profile, masterKey, masterSalt, output)
          : new AesCm(profile, masterKey, masterSalt, output);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("JDK crypto unavailable", e);
    }
  }

  /** {@code cipher.doFinal} from {@code packet[from, from + length)} to the same place. */
  final int doFinal(Cipher cipher, byte[] packet, int from, int length)
      throws GeneralSecurityException {
    if (output == Output.IN_PLACE) {
      return cipher.doFinal(packet, from, length, packet, from);
    }
    int written = cipher.doFinal(packet, from, length, scratch, 0);
    System.arraycopy(scratch, 0, packet, from, written);
    return written;
  }

  /** Protects the packet in place; returns its new length (room for the tag must follow it). */
  abstract int protect(byte[] packet, int offset, int length, long index);

  /** Unprotects the packet in place; returns its new length, or -1 if authentication failed. */
  abstract int unprotect(byte[] packet, int offset, int length, long index);

  /** The first {@code length} bytes of the AES-CM PRF keystream for {@code label}, rate 0. */
  static byte[] deriveSessionKey(byte[] masterKey, byte[] masterSalt, int label, int length)
      throws GeneralSecurityException {
    // x = (label || r) XOR master salt, right-aligned in 112 bits; a 96-bit GCM salt is
    // left-aligned and padded with zeros (RFC 7714 §11). IV = x * 2^16.
    byte[] iv = new byte[16];
    System.arraycopy(masterSalt, 0, iv, 0, masterSalt.length);
    iv[7] ^= (byte) label;
    Cipher prf = Cipher.getInstance("AES/CTR/NoPadding");
    prf.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(masterKey, "AES"), new IvParameterSpec(iv));
    return prf.doFinal(new byte[length]);
  }

  static int ssrc(byte[] packet, int offset) {
    return (packet[offset + 8] & 0xff) << 24
        | (packet[offset + 9] & 0xff) << 16
        | (packet[offset + 10] & 0xff) << 8
        | packet[offset + 11] & 0xff;
  }

  /** AES128_CM_HMAC_SHA1_80 (and _32: only the tag length differs). */
  private static final class AesCm extends RawJdkSrtp {
    private final Cipher ctr = Cipher.getInstance("AES/CTR/NoPadding");
    private final Mac hmac = Mac.getInstance("HmacSHA1");
    private final SecretKeySpec key;
    private final byte[] salt;
    private final int tagLength;
    private final byte[] iv = new byte[16];
    private final byte[] roc = new byte[4];
    private final byte[] mac = new byte[20];

    AesCm(SrtpProfile profile, byte[] masterKey, byte[] masterSalt, Output output)
        throws GeneralSecurityException {
      super(output);
      key =
          new SecretKeySpec(
              deriveSessionKey(masterKey, masterSalt, LABEL_RTP_ENCRYPTION, profile.keyLength()),
              "AES");
      hmac.init(
          new SecretKeySpec(
              deriveSessionKey(masterKey, masterSalt, LABEL_RTP_AUTHENTICATION, 20), "HmacSHA1"));
      salt = deriveSessionKey(masterKey, masterSalt, LABEL_RTP_SALT, 14);
      tagLength = profile.rtpTagLength();
    }

    @Override
    int protect(byte[] packet, int offset, int length, long index) {
      crypt(packet, offset, length, index);
      authenticate(packet, offset, length, index);
      System.arraycopy(mac, 0, packet, offset + length, tagLength);
      return length + tagLength;
    }

    @Override
    int unprotect(byte[] packet, int offset, int length, long index) {
      int authenticated = length - tagLength;
      authenticate(packet, offset, authenticated, index);
      int difference = 0;
      for (int i = 0; i < tagLength; i++) {
        difference |= mac[i] ^ packet[offset + authenticated + i];
      }
      if (difference != 0) {
        return -1;
      }
      crypt(packet, offset, authenticated, index);
      return authenticated;
    }

    /** IV = salt * 2^16 XOR SSRC * 2^64 XOR index * 2^16 (RFC 3711 §4.1.1). */
    private void crypt(byte[] packet, int offset, int length, long index) {
      System.arraycopy(salt, 0, iv, 0, 14);
      for (int i = 0; i < 4; i++) {
        iv[4 + i] ^= packet[offset + 8 + i];
      }
      for (int i = 0; i < 6; i++) {
        iv[8 + i] ^= (byte) (index >>> (40 - 8 * i));
      }
      try {
        ctr.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv));
        doFinal(ctr, packet, offset + HEADER, length - HEADER);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    /** HMAC-SHA1 over the packet and the rollover counter, into {@link #mac}. */
    private void authenticate(byte[] packet, int offset, int length, long index) {
      SrtpScenarios.writeInt(roc, 0, (int) (index >>> 16));
      hmac.update(packet, offset, length);
      hmac.update(roc, 0, 4);
      try {
        hmac.doFinal(mac, 0);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** AEAD_AES_128_GCM and AEAD_AES_256_GCM. */
  private static final class Gcm extends RawJdkSrtp {
    private final Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
    private final SecretKeySpec key;
    private final byte[] salt;
    private final byte[] iv = new byte[12];

    Gcm(SrtpProfile profile, byte[] masterKey, byte[] masterSalt, Output output)
        throws GeneralSecurityException {
      super(output);
      key =
          new SecretKeySpec(
              deriveSessionKey(masterKey, masterSalt, LABEL_RTP_ENCRYPTION, profile.keyLength()),
              "AES");
      salt = deriveSessionKey(masterKey, masterSalt, LABEL_RTP_SALT, 12);
    }

    @Override
    int protect(byte[] packet, int offset, int length, long index) {
      try {
        init(Cipher.ENCRYPT_MODE, packet, offset, index);
        return HEADER + doFinal(gcm, packet, offset + HEADER, length - HEADER);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    int unprotect(byte[] packet, int offset, int length, long index) {
      try {
        init(Cipher.DECRYPT_MODE, packet, offset, index);
        return HEADER + doFinal(gcm, packet, offset + HEADER, length - HEADER);
      } catch (AEADBadTagException e) {
        return -1;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    /** IV = (0x0000 || SSRC || ROC || SEQ) XOR salt (RFC 7714 §8.1); the header is the AAD. */
    private void init(int mode, byte[] packet, int offset, long index)
        throws GeneralSecurityException {
      System.arraycopy(salt, 0, iv, 0, 12);
      for (int i = 0; i < 4; i++) {
        iv[2 + i] ^= packet[offset + 8 + i];
      }
      for (int i = 0; i < 6; i++) {
        iv[6 + i] ^= (byte) (index >>> (40 - 8 * i));
      }
      gcm.init(mode, key, new GCMParameterSpec(128, iv));
      gcm.updateAAD(packet, offset, HEADER);
    }
  }
}
