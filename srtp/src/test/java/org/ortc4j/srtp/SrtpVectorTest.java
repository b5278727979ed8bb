package org.ortc4j.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Byte-exact agreement with libsrtp: packets libsrtp protected, in file order, for every profile
 * named in keys.txt (see the vector folder's README; the folder can be replaced with {@code
 * -Dortc4j.srtp.vectors=DIR}).
 */
class SrtpVectorTest {
  static Stream<String> vectors() {
    return VectorFiles.keys().keySet().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void protectingEachPlainRtpPacketGivesLibsrtpsBytes(String name) {
    SrtpContext out = outbound(name);
    check(VectorFiles.packets("rtp_plain.hex"), VectorFiles.packets("rtp_" + name + ".hex"),
        (buf, len) -> out.protectRtp(buf, 0, len));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void unprotectingEachLibsrtpRtpPacketGivesThePlainOne(String name) {
    SrtpContext in = inbound(name);
    check(VectorFiles.packets("rtp_" + name + ".hex"), VectorFiles.packets("rtp_plain.hex"),
        (buf, len) -> in.unprotectRtp(buf, 0, len));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void protectingEachPlainRtcpPacketGivesLibsrtpsBytes(String name) {
    SrtpContext out = outbound(name);
    check(VectorFiles.packets("rtcp_plain.hex"), VectorFiles.packets("rtcp_" + name + ".hex"),
        (buf, len) -> out.protectRtcp(buf, 0, len));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void unprotectingEachLibsrtpRtcpPacketGivesThePlainOne(String name) {
    SrtpContext in = inbound(name);
    check(VectorFiles.packets("rtcp_" + name + ".hex"), VectorFiles.packets("rtcp_plain.hex"),
        (buf, len) -> in.unprotectRtcp(buf, 0, len));
  }

  interface Transform {
    SrtpStatus apply(byte[] buf, int len);
  }

  private static void check(List<byte[]> inputs, List<byte[]> expected, Transform transform) {
    assertThat(inputs).as("packets in the two files").hasSameSizeAs(expected).isNotEmpty();
    for (int i = 0; i < inputs.size(); i++) {
      byte[] input = inputs.get(i);
      byte[] want = expected.get(i);
      byte[] buf = Arrays.copyOf(input, Math.max(input.length, want.length));
      assertThat(transform.apply(buf, input.length)).as("packet %d", i).isEqualTo(SrtpStatus.OK);
      assertThat(HexFormat.of().formatHex(buf, 0, want.length))
          .as("packet %d", i).isEqualTo(HexFormat.of().formatHex(want));
    }
  }

  private static SrtpContext outbound(String name) {
    SrtpProfile profile = VectorFiles.PROFILES.get(name);
    byte[] keySalt = VectorFiles.keys().get(name);
    return SrtpContext.outbound(profile, key(profile, keySalt), salt(profile, keySalt),
        SrtpOptions.defaults());
  }

  private static SrtpContext inbound(String name) {
    SrtpProfile profile = VectorFiles.PROFILES.get(name);
    byte[] keySalt = VectorFiles.keys().get(name);
    return SrtpContext.inbound(profile, key(profile, keySalt), salt(profile, keySalt),
        SrtpOptions.defaults());
  }

  static byte[] key(SrtpProfile profile, byte[] keySalt) {
    return Arrays.copyOfRange(keySalt, 0, profile.keyLength());
  }

  static byte[] salt(SrtpProfile profile, byte[] keySalt) {
    return Arrays.copyOfRange(keySalt, profile.keyLength(), keySalt.length);
  }
}
