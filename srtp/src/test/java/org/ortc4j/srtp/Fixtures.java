package org.ortc4j.srtp;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** Small packets and context pairs for the edge-case tests. */
final class Fixtures {
  static final long SSRC = 0x11223344L;

  private Fixtures() {}

  static byte[] masterKey(SrtpProfile profile) {
    byte[] key = new byte[profile.keyLength()];
    Arrays.fill(key, (byte) 0x5a);
    return key;
  }

  static byte[] masterSalt(SrtpProfile profile) {
    byte[] salt = new byte[profile.saltLength()];
    Arrays.fill(salt, (byte) 0xa5);
    return salt;
  }

  static SrtpContext outbound(SrtpProfile profile, SrtpOptions options) {
    return SrtpContext.outbound(profile, masterKey(profile), masterSalt(profile), options);
  }

  static SrtpContext inbound(SrtpProfile profile, SrtpOptions options) {
    return SrtpContext.inbound(profile, masterKey(profile), masterSalt(profile), options);
  }

  /** A plain RTP packet (12-byte header, {@code payload} bytes of a pattern). */
  static byte[] rtp(long ssrc, int seq, int payload) {
    ByteBuffer out = ByteBuffer.allocate(12 + payload);
    out.put((byte) 0x80).put((byte) 111).putShort((short) seq).putInt(seq * 960).putInt((int) ssrc);
    for (int i = 0; i < payload; i++) {
      out.put((byte) (seq + i));
    }
    return out.array();
  }

  /** A plain RTCP sender report of {@code ssrc} (28 bytes). */
  static byte[] rtcp(long ssrc) {
    ByteBuffer out = ByteBuffer.allocate(28);
    out.put((byte) 0x80).put((byte) 200).putShort((short) 6).putInt((int) ssrc);
    out.putLong(0x83aa7e8000000000L).putInt(12345).putInt(7).putInt(1120);
    return out.array();
  }

  /** {@code plain} protected by {@code out}: an array of exactly the protected length. */
  static byte[] protectRtp(SrtpContext out, byte[] plain) {
    byte[] buf = Arrays.copyOf(plain, plain.length + out.rtpOverhead());
    SrtpStatus status = out.protectRtp(buf, 0, plain.length);
    if (status != SrtpStatus.OK) {
      throw new AssertionError("protectRtp: " + status);
    }
    return buf;
  }

  /** {@code plain} protected as SRTCP by {@code out}. */
  static byte[] protectRtcp(SrtpContext out, byte[] plain) {
    byte[] buf = Arrays.copyOf(plain, plain.length + out.rtcpOverhead());
    SrtpStatus status = out.protectRtcp(buf, 0, plain.length);
    if (status != SrtpStatus.OK) {
      throw new AssertionError("protectRtcp: " + status);
    }
    return buf;
  }

  /** Unprotects a copy of {@code packet}. */
  static SrtpStatus unprotectRtp(SrtpContext in, byte[] packet) {
    byte[] copy = packet.clone();
    return in.unprotectRtp(copy, 0, copy.length);
  }

  /** Unprotects a copy of {@code packet} as SRTCP. */
  static SrtpStatus unprotectRtcp(SrtpContext in, byte[] packet) {
    byte[] copy = packet.clone();
    return in.unprotectRtcp(copy, 0, copy.length);
  }
}
