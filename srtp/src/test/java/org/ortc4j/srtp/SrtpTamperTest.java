package org.ortc4j.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Any change to any byte of a protected packet (header, CSRCs, extension, payload, padding, E
 * flag, index, tag) makes it fail, and failed packets leave no trace in the receiver's state.
 */
class SrtpTamperTest {

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void flippingAnyBitOfAnSrtpPacketFailsAuthentication(SrtpProfile profile) {
    SrtpContext out = Fixtures.outbound(profile, SrtpOptions.defaults());
    SrtpContext in = Fixtures.inbound(profile, SrtpOptions.defaults());
    byte[] plain = richRtp();
    byte[] packet = Fixtures.protectRtp(out, plain);

    for (int i = 0; i < packet.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] forged = packet.clone();
        forged[i] ^= (byte) (1 << bit);
        SrtpStatus status = Fixtures.unprotectRtp(in, forged);
        if (i == 0 || i == 22 || i == 23) { // version, CC, X bits; extension length
          assertThat(status).as("byte %d bit %d", i, bit)
              .isIn(SrtpStatus.AUTH_FAILED, SrtpStatus.BAD_HEADER);
        } else {
          assertThat(status).as("byte %d bit %d", i, bit).isEqualTo(SrtpStatus.AUTH_FAILED);
        }
      }
    }

    assertThat(in.streamCount()).isZero();
    assertThat(in.counters().rtp(SrtpStatus.OK)).isZero();
    byte[] genuine = packet.clone();
    assertThat(in.unprotectRtp(genuine, 0, genuine.length)).isEqualTo(SrtpStatus.OK);
    assertThat(ByteBuffer.wrap(genuine, 0, plain.length)).isEqualTo(ByteBuffer.wrap(plain));
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void flippingAnyBitOfAnSrtcpPacketFailsAuthentication(SrtpProfile profile) {
    SrtpContext out = Fixtures.outbound(profile, SrtpOptions.defaults());
    SrtpContext in = Fixtures.inbound(profile, SrtpOptions.defaults());
    byte[] plain = Fixtures.rtcp(Fixtures.SSRC);
    byte[] packet = Fixtures.protectRtcp(out, plain);

    for (int i = 0; i < packet.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] forged = packet.clone();
        forged[i] ^= (byte) (1 << bit);
        SrtpStatus expected = i == 0 && bit >= 6 ? SrtpStatus.BAD_HEADER : SrtpStatus.AUTH_FAILED;
        assertThat(Fixtures.unprotectRtcp(in, forged)).as("byte %d bit %d", i, bit)
            .isEqualTo(expected);
      }
    }

    assertThat(in.rtcpStreamCount()).isZero();
    assertThat(Fixtures.unprotectRtcp(in, packet)).isEqualTo(SrtpStatus.OK);
  }

  /** Header with 2 CSRCs and a one-byte-form extension of 1 word, payload, 3 padding bytes. */
  private static byte[] richRtp() {
    ByteBuffer out = ByteBuffer.allocate(12 + 8 + 8 + 40 + 3);
    out.put((byte) 0xb2).put((byte) 96).putShort((short) 4711).putInt(90000)
        .putInt((int) Fixtures.SSRC);
    out.putInt(0x01020304).putInt(0x05060708);
    out.putShort((short) 0xBEDE).putShort((short) 1).putInt(0x10aabbcc);
    for (int i = 0; i < 40; i++) {
      out.put((byte) i);
    }
    out.put((byte) 0).put((byte) 0).put((byte) 3);
    return out.array();
  }
}
