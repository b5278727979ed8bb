package org.ortc4j.bench;

import java.lang.reflect.Field;
import java.security.GeneralSecurityException;
import org.jitsi.srtp.SrtpContextFactory;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpPolicy;
import org.jitsi.srtp.crypto.Aes;
import org.jitsi.srtp.crypto.HmacSha1;
import org.jitsi.srtp.crypto.JitsiOpenSslProvider;
import org.jitsi.utils.ByteArrayBuffer;
import org.jitsi.utils.logging2.Logger;
import org.jitsi.utils.logging2.LoggerImpl;
import org.ortc4j.srtp.SrtpProfile;

/**
 * The peer of {@link SrtpBenchmark}: jitsi-srtp 1.1 ({@code SrtpContextFactory} -> {@code
 * SrtpCryptoContext}, one context per SSRC and direction, packets in a {@code ByteArrayBuffer}),
 * set up as jitsi-videobridge does for a DTLS-SRTP profile.
 *
 * <p>jitsi-srtp picks its crypto once per JVM: AES from a "cipher factory" (its OpenSSL JNI
 * binding, SunJCE, BouncyCastle or PKCS#11; the fastest in a start-up micro-benchmark unless one
 * is named) and HMAC-SHA1 from OpenSSL whenever its native library loaded, else SunJCE. {@link
 * #use(Mode)} fixes that choice for the JVM before the first context, and checks it took.
 */
final class JitsiSrtpPeer {
  private JitsiSrtpPeer() {}

  /** Which crypto jitsi-srtp uses. */
  enum Mode {
    /**
     * SunJCE for AES and HMAC-SHA1: what jitsi-srtp does where its native library does not load.
     */
    JAVA("SunJCE"),
    /** Its JNI binding of OpenSSL's libcrypto for AES and HMAC-SHA1 (bundled libjitsisrtp_3.so). */
    OPENSSL("JitsiOpenSslProvider");

    final String provider;

    Mode(String provider) {
      this.provider = provider;
    }
  }

  static final Logger LOGGER = new LoggerImpl(JitsiSrtpPeer.class.getName());

  private static Mode mode;

  /**
   * Fixes jitsi-srtp's crypto for this JVM (it keeps the choice in static state). The pure-Java
   * mode clears the flag that makes jitsi-srtp take OpenSSL's HMAC: jitsi-srtp has no switch for
   * it. Throws if another mode was fixed before or the choice did not take.
   */
  static synchronized void use(Mode wanted) {
    if (mode != null) {
      if (mode != wanted) {
        throw new IllegalStateException("jitsi-srtp already set to " + mode + " in this JVM");
      }
      return;
    }
    if (wanted == Mode.JAVA) {
      Aes.setFactoryClassName("SunJCE");
      forgetNativeLibrary();
    } else {
      if (!JitsiOpenSslProvider.isLoaded()) {
        throw new IllegalStateException("jitsi-srtp's OpenSSL library did not load");
      }
      Aes.setFactoryClassName("OpenSSL");
    }
    mode = wanted;
    checkProviders(wanted);
  }

  private static void forgetNativeLibrary() {
    try {
      Field loaded = JitsiOpenSslProvider.class.getDeclaredField("libraryLoaded");
      loaded.setAccessible(true);
      loaded.setBoolean(null, false);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot keep jitsi-srtp off OpenSSL", e);
    }
  }

  /** The providers jitsi-srtp's contexts will get, e.g. "AES/CTR SunJCE, HmacSHA1 SunJCE". */
  static String providers() {
    return "AES/CTR "
        + Aes.createCipher("AES/CTR/NoPadding").getProvider().getName()
        + ", AES/GCM "
        + Aes.createCipher("AES/GCM/NoPadding").getProvider().getName()
        + ", HmacSHA1 "
        + HmacSha1.createMac(LOGGER).getProvider().getName();
  }

  private static void checkProviders(Mode wanted) {
    String providers = providers();
    if (providers.split(wanted.provider, -1).length != 4) {
      throw new IllegalStateException("jitsi-srtp " + wanted + " uses " + providers);
    }
  }

  /** The policy jitsi-videobridge builds for {@code profile} (SRTP and SRTCP alike). */
  static SrtpPolicy policy(SrtpProfile profile) {
    return switch (profile) {
      case AES128_CM_HMAC_SHA1_80, AES128_CM_HMAC_SHA1_32 ->
          new SrtpPolicy(
              SrtpPolicy.AESCM_ENCRYPTION,
              profile.keyLength(),
              SrtpPolicy.HMACSHA1_AUTHENTICATION,
              20,
              profile.rtpTagLength(),
              profile.saltLength());
      case AEAD_AES_128_GCM, AEAD_AES_256_GCM ->
          new SrtpPolicy(
              SrtpPolicy.AESGCM_ENCRYPTION,
              profile.keyLength(),
              SrtpPolicy.NULL_AUTHENTICATION,
              0,
              profile.rtpTagLength(),
              profile.saltLength());
    };
  }

  /** A sender's ({@code sender}) or receiver's context for {@link SrtpScenarios#SSRC}, ROC 0. */
  static SrtpCryptoContext context(boolean sender, SrtpProfile profile) {
    SrtpContextFactory factory =
        new SrtpContextFactory(
            sender,
            SrtpScenarios.masterKey(profile),
            SrtpScenarios.masterSalt(profile),
            policy(profile),
            policy(profile),
            LOGGER);
    try {
      return factory.deriveContext(SrtpScenarios.SSRC, 0);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A packet for jitsi-srtp: a window on an array, as jitsi-videobridge's packet classes are. The
   * benchmark gives it room for the tag, so {@link #grow} never allocates there.
   */
  static final class Packet implements ByteArrayBuffer {
    private byte[] buffer;
    private int offset;
    private int length;

    Packet(byte[] buffer, int offset, int length) {
      this.buffer = buffer;
      this.offset = offset;
      this.length = length;
    }

    @Override
    public byte[] getBuffer() {
      return buffer;
    }

    @Override
    public int getOffset() {
      return offset;
    }

    @Override
    public int getLength() {
      return length;
    }

    @Override
    public void setLength(int length) {
      this.length = length;
    }

    @Override
    public void setOffset(int offset) {
      this.offset = offset;
    }

    @Override
    public boolean isInvalid() {
      return false;
    }

    @Override
    public void readRegionToBuff(int off, int len, byte[] outBuff) {
      System.arraycopy(buffer, offset + off, outBuff, 0, len);
    }

    @Override
    public void grow(int howMuch) {
      if (buffer.length - offset - length < howMuch) {
        byte[] larger = new byte[length + howMuch];
        System.arraycopy(buffer, offset, larger, 0, length);
        buffer = larger;
        offset = 0;
      }
    }

    @Override
    public void append(byte[] data, int len) {
      grow(len);
      System.arraycopy(data, 0, buffer, offset + length, len);
      length += len;
    }

    @Override
    public void shrink(int len) {
      length = Math.max(0, length - len);
    }
  }
}
