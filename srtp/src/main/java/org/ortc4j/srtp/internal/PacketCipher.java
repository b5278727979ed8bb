package org.ortc4j.srtp.internal;

import org.ortc4j.srtp.SrtpProfile;

/**
 * The cryptographic transform of one packet kind (SRTP or SRTCP) of one direction: session keys
 * derived once, then encryption and authentication of packets in place. Sequence numbers, rollover
 * counters, replay windows and bounds checks belong to the caller; every method here assumes the
 * lengths are already known to be valid and the array has room for the trailer.
 *
 * <p>Not thread-safe: one instance per thread that uses it.
 */
public abstract class PacketCipher {
  /** Bytes of the SRTCP E flag and index word. */
  public static final int RTCP_INDEX_LENGTH = 4;
  /** Bytes of the fixed SRTCP header that stays in clear: V/P/RC, PT, length, sender SSRC. */
  public static final int RTCP_HEADER_LENGTH = 8;

  private final int tagLength;

  PacketCipher(int tagLength) {
    this.tagLength = tagLength;
  }

  /**
   * The cipher of {@code profile} for SRTP ({@code rtcp == false}) or SRTCP packets, with session
   * keys from {@code kdf} (which one context shares between its two ciphers).
   */
  public static PacketCipher create(SrtpProfile profile, KeyDerivation kdf, boolean rtcp) {
    return profile.isAead()
        ? GcmPacketCipher.derive(profile, kdf, rtcp)
        : CmPacketCipher.derive(profile, kdf, rtcp);
  }

  /** Authentication tag length in bytes for the packet kind this cipher protects. */
  public final int tagLength() {
    return tagLength;
  }

  /**
   * Encrypts the payload of the RTP packet {@code buf[off, off + len)} and appends the tag.
   *
   * @param headerLength the length of the header (with CSRCs and extension) that stays in clear
   * @param index the 48-bit packet index, {@code ROC << 16 | SEQ}
   */
  public abstract void protectRtp(byte[] buf, int off, int headerLength, int len, int ssrc,
      long index);

  /**
   * Verifies the tag of the SRTP packet {@code buf[off, off + len)} ({@code len} includes the
   * tag) and, when it matches, decrypts the payload in place.
   *
   * @return false when authentication fails; the payload is then not decrypted
   */
  public abstract boolean unprotectRtp(byte[] buf, int off, int headerLength, int len, int ssrc,
      long index);

  /**
   * Encrypts the RTCP compound packet {@code buf[off, off + len)} after its first 8 bytes and
   * appends the E flag with {@code index}, and the tag, in the profile's order.
   */
  public abstract void protectRtcp(byte[] buf, int off, int len, int ssrc, int index);

  /**
   * Verifies the SRTCP packet {@code buf[off, off + len)} ({@code len} includes index and tag) and,
   * when it authenticates and its E flag is set, decrypts it in place.
   *
   * @return false when authentication fails
   */
  public abstract boolean unprotectRtcp(byte[] buf, int off, int len, int ssrc);

  /** Where the E flag and SRTCP index word sits in a protected packet of {@code len} bytes. */
  public abstract int rtcpIndexOffset(int len);
}
