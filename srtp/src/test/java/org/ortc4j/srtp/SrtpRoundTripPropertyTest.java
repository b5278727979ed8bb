package org.ortc4j.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: for random keys and random well-formed packets (see {@link RandomPackets}), in every
 * profile, unprotect(protect(p)) == p, through arrays at random offsets and through direct
 * buffers, and the protected bytes never contain the plain payload where it was.
 */
class SrtpRoundTripPropertyTest {
  private static final HexFormat HEX = HexFormat.of();

  static Stream<Arguments> cases() {
    return Stream.of(SrtpProfile.values())
        .flatMap(profile -> Stream.of(1L, 2L, 3L).map(seed -> Arguments.of(profile, seed)));
  }

  @ParameterizedTest(name = "{0} seed={1}")
  @MethodSource("cases")
  void unprotectUndoesProtect(SrtpProfile profile, long seed) {
    RandomPackets random = new RandomPackets(seed * 1000 + profile.id());
    byte[] key = random.bytes(profile.keyLength());
    byte[] salt = random.bytes(profile.saltLength());
    SrtpContext out = SrtpContext.outbound(profile, key, salt, SrtpOptions.defaults());
    SrtpContext in = SrtpContext.inbound(profile, key, salt,
        SrtpOptions.builder().rtpReplayWindow(1024).build());

    List<byte[]> rtp = random.rtpStream(500, 4);
    for (int i = 0; i < rtp.size(); i++) {
      byte[] plain = rtp.get(i);
      byte[] back = i % 3 == 0 ? viaDirectBuffer(out, in, plain, false)
          : viaArray(out, in, plain, random.random().nextInt(40), false);
      assertThat(HEX.formatHex(back)).as("seed %d packet %d", seed, i)
          .isEqualTo(HEX.formatHex(plain));
    }
    for (byte[] plain : random.rtcpStream(100, 2)) {
      assertThat(viaArray(out, in, plain, random.random().nextInt(40), true)).isEqualTo(plain);
      assertThat(viaDirectBuffer(out, in, plain, true)).isEqualTo(plain);
    }
    assertThat(in.counters().dropped()).isZero();
  }

  private static byte[] viaArray(SrtpContext out, SrtpContext in, byte[] plain, int offset,
      boolean rtcp) {
    int overhead = rtcp ? out.rtcpOverhead() : out.rtpOverhead();
    byte[] buf = new byte[offset + plain.length + overhead];
    System.arraycopy(plain, 0, buf, offset, plain.length);
    SrtpStatus sealed = rtcp ? out.protectRtcp(buf, offset, plain.length)
        : out.protectRtp(buf, offset, plain.length);
    assertThat(sealed).isEqualTo(SrtpStatus.OK);
    int encryptedFrom = rtcp ? 8 : plain.length - Math.min(plain.length, 16);
    if (plain.length - encryptedFrom >= 16) {
      assertThat(Arrays.copyOfRange(buf, offset + encryptedFrom, offset + plain.length))
          .as("ciphertext differs from plaintext")
          .isNotEqualTo(Arrays.copyOfRange(plain, encryptedFrom, plain.length));
    }
    SrtpStatus opened = rtcp ? in.unprotectRtcp(buf, offset, plain.length + overhead)
        : in.unprotectRtp(buf, offset, plain.length + overhead);
    assertThat(opened).isEqualTo(SrtpStatus.OK);
    return Arrays.copyOfRange(buf, offset, offset + plain.length);
  }

  private static byte[] viaDirectBuffer(SrtpContext out, SrtpContext in, byte[] plain,
      boolean rtcp) {
    ByteBuffer buffer = ByteBuffer.allocateDirect(plain.length + 64);
    buffer.put(plain).flip();
    assertThat(rtcp ? out.protectRtcp(buffer) : out.protectRtp(buffer)).isEqualTo(SrtpStatus.OK);
    assertThat(rtcp ? in.unprotectRtcp(buffer) : in.unprotectRtp(buffer))
        .isEqualTo(SrtpStatus.OK);
    byte[] back = new byte[buffer.remaining()];
    buffer.get(back);
    return back;
  }
}
