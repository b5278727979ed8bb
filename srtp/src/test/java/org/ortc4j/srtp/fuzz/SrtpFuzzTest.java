package org.ortc4j.srtp.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.ortc4j.srtp.SrtpContext;
import org.ortc4j.srtp.SrtpOptions;
import org.ortc4j.srtp.SrtpProfile;
import org.ortc4j.srtp.SrtpStatus;

/**
 * Coverage-guided fuzzing of SRTP and SRTCP unprotect (Jazzer) under one fixed key per
 * profile. The first input byte picks the profile, the rest is the packet. Whatever the bytes,
 * unprotect returns a {@link SrtpStatus} and never throws, and it returns {@code OK} only for a
 * packet that was protected with the key ({@link #validPackets()}, also the seed inputs).
 */
class SrtpFuzzTest {
  static final List<SrtpProfile> PROFILES = List.of(SrtpProfile.values());
  /** profile index + ":" + packet hex of every packet we protected. */
  private static final Set<String> VALID = new HashSet<>(
      validPackets().stream().map(h -> key(HexFormat.of().parseHex(h))).toList());

  @FuzzTest(maxDuration = "60s")
  void unprotectRtp(byte[] input) {
    unprotect(input, false);
  }

  @FuzzTest(maxDuration = "60s")
  void unprotectRtcp(byte[] input) {
    unprotect(input, true);
  }

  private static void unprotect(byte[] input, boolean rtcp) {
    if (input.length == 0) {
      return;
    }
    SrtpProfile profile = PROFILES.get((input[0] & 0xFF) % PROFILES.size());
    byte[] packet = Arrays.copyOfRange(input, 1, input.length);
    SrtpContext in = context(profile, false);
    SrtpStatus status = rtcp ? in.unprotectRtcp(packet, 0, packet.length)
        : in.unprotectRtp(packet, 0, packet.length);
    assertThat(status).isNotNull();
    if (status == SrtpStatus.OK) {
      assertThat(VALID).as("authenticated, so it must be one we protected")
          .contains(key(PROFILES.indexOf(profile), input));
    }
  }

  /**
   * The profile the first byte picks (any byte: modulo the profile count) and the packet after
   * it. Found by fuzzing: the same packet behind another byte naming the same profile is the
   * same packet, not a forgery (crash-9277895b..., crash-d3aef4aa...).
   */
  private static String key(byte[] input) {
    return key((input[0] & 0xFF) % PROFILES.size(), input);
  }

  private static String key(int profileIndex, byte[] input) {
    return profileIndex + ":" + HexFormat.of().formatHex(input, 1, input.length);
  }

  /** The fixed key of a profile: bytes 1, 2, 3, ... (salt likewise from 101). */
  static SrtpContext context(SrtpProfile profile, boolean outbound) {
    byte[] key = new byte[profile.keyLength()];
    byte[] salt = new byte[profile.saltLength()];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (i + 1);
    }
    for (int i = 0; i < salt.length; i++) {
      salt[i] = (byte) (i + 101);
    }
    return outbound ? SrtpContext.outbound(profile, key, salt, SrtpOptions.defaults())
        : SrtpContext.inbound(profile, key, salt, SrtpOptions.defaults());
  }

  /**
   * Hex of [profile index, packet...] for RTP packets (seq 1..3, with and without CSRCs and
   * padding) and SRTCP packets (an RR, an SR) protected under the fixed keys.
   */
  static List<String> validPackets() {
    List<String> out = new java.util.ArrayList<>();
    HexFormat hex = HexFormat.of();
    List<String> rtp = List.of(
        "80010001000003e8cafebabe68656c6c6f",
        "80010002000007d0cafebabe776f726c64",
        "a1810003000007d0cafebabe1111111170696e670000000003",
        "90010004000007d0cafebabebede000112ab0000616263");
    List<String> rtcp = List.of(
        "81c90007cafebabe123456780000000000000005000000000000000000000000",
        "80c80006cafebabee5f1a0b2c3d4e5f600000064000000010000000a");
    for (int p = 0; p < PROFILES.size(); p++) {
      SrtpContext outRtp = context(PROFILES.get(p), true);
      for (String plain : rtp) {
        byte[] packet = protect(outRtp, hex.parseHex(plain), false);
        out.add(hex.formatHex(prefixed(p, packet)));
      }
      SrtpContext outRtcp = context(PROFILES.get(p), true);
      for (String plain : rtcp) {
        byte[] packet = protect(outRtcp, hex.parseHex(plain), true);
        out.add(hex.formatHex(prefixed(p, packet)));
      }
    }
    return out;
  }

  private static byte[] protect(SrtpContext out, byte[] plain, boolean rtcp) {
    int overhead = rtcp ? out.rtcpOverhead() : out.rtpOverhead();
    byte[] buf = Arrays.copyOf(plain, plain.length + overhead);
    SrtpStatus status = rtcp ? out.protectRtcp(buf, 0, plain.length)
        : out.protectRtp(buf, 0, plain.length);
    if (status != SrtpStatus.OK) {
      throw new IllegalStateException("seed packet did not protect: " + status);
    }
    return buf;
  }

  private static byte[] prefixed(int profile, byte[] packet) {
    byte[] out = new byte[packet.length + 1];
    out[0] = (byte) profile;
    System.arraycopy(packet, 0, out, 1, packet.length);
    return out;
  }
}
