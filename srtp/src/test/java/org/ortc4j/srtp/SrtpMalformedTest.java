package org.ortc4j.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Truncated and malformed packets are typed, counted drops; short buffers write nothing. */
class SrtpMalformedTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final SrtpProfile PROFILE = SrtpProfile.AES128_CM_HMAC_SHA1_80;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "empty,                                   '',                                       TOO_SHORT",
      "11 bytes,                                8000000100000002000000,                   TOO_SHORT",
      "version 1,                               400000010000000200000003,                 BAD_HEADER",
      "version 3,                               c00000010000000200000003,                 BAD_HEADER",
      "15 CSRCs declared 1 present,             8f0000010000000200000003aaaaaaaa,         BAD_HEADER",
      "extension bit without extension header,  900000010000000200000003,                 BAD_HEADER",
      "extension of 2 words with 1 present,     900000010000000200000003bede0002aaaaaaaa, BAD_HEADER",
      "header only,                             800000010000000200000003,                 OK",
      "extension exactly filling the packet,    900000010000000200000003bede0001aaaaaaaa, OK"
  })
  void protectingMalformedRtpIsADrop(String name, String hex, SrtpStatus expected) {
    SrtpContext out = Fixtures.outbound(PROFILE, SrtpOptions.defaults());
    byte[] packet = HEX.parseHex(hex);
    byte[] buf = Arrays.copyOf(packet, packet.length + out.rtpOverhead());

    assertThat(out.protectRtp(buf, 0, packet.length)).isEqualTo(expected);
    if (expected != SrtpStatus.OK) {
      assertThat(buf).isEqualTo(Arrays.copyOf(packet, buf.length));
      assertThat(out.streamCount()).isZero();
    }
    assertThat(out.counters().rtp(expected)).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "empty,                                   '',                                       TOO_SHORT",
      "header and a short tag,                  800000010000000200000003aabbccddeeff0011, TOO_SHORT",
      "version 0,                               000000010000000200000003aabbccddeeff00112233, BAD_HEADER",
      "CSRC list running into the tag,          810000010000000200000003aabbccddeeff00112233, BAD_HEADER",
      "header and a bad tag,                    800000010000000200000003aabbccddeeff00112233, AUTH_FAILED"
  })
  void unprotectingMalformedSrtpIsADrop(String name, String hex, SrtpStatus expected) {
    SrtpContext in = Fixtures.inbound(PROFILE, SrtpOptions.defaults());
    byte[] packet = HEX.parseHex(hex);

    assertThat(in.unprotectRtp(packet, 0, packet.length)).isEqualTo(expected);
    assertThat(in.counters().rtp(expected)).isEqualTo(1);
    assertThat(in.streamCount()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "protect 7 bytes,           true,  80c80006112233,                                   TOO_SHORT",
      "protect version 1,         true,  40c8000611223344,                                 BAD_HEADER",
      "unprotect 21 bytes,        false, 80c800061122334480000001010203040506070809,      TOO_SHORT",
      "unprotect version 0,       false, 00c8000611223344800000010102030405060708090a0b, BAD_HEADER",
      "unprotect bad tag,         false, 80c8000611223344800000010102030405060708090a0b, AUTH_FAILED"
  })
  void malformedRtcpIsADrop(String name, boolean protect, String hex, SrtpStatus expected) {
    SrtpContext context = protect ? Fixtures.outbound(PROFILE, SrtpOptions.defaults())
        : Fixtures.inbound(PROFILE, SrtpOptions.defaults());
    byte[] packet = HEX.parseHex(hex);
    byte[] buf = Arrays.copyOf(packet, packet.length + 14);

    SrtpStatus status = protect ? context.protectRtcp(buf, 0, packet.length)
        : context.unprotectRtcp(buf, 0, packet.length);

    assertThat(status).isEqualTo(expected);
    assertThat(context.counters().rtcp(expected)).isEqualTo(1);
    assertThat(context.rtcpStreamCount()).isZero();
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void aBufferWithoutRoomForTheTagGetsNothingWritten(SrtpProfile profile) {
    SrtpContext out = Fixtures.outbound(profile, SrtpOptions.defaults());
    byte[] rtp = Fixtures.rtp(Fixtures.SSRC, 1, 100);
    byte[] rtpBuf = Arrays.copyOf(rtp, rtp.length + out.rtpOverhead() - 1);
    byte[] rtcp = Fixtures.rtcp(Fixtures.SSRC);
    byte[] rtcpBuf = Arrays.copyOf(rtcp, rtcp.length + out.rtcpOverhead() - 1);

    assertThat(out.protectRtp(rtpBuf, 0, rtp.length)).isEqualTo(SrtpStatus.BUFFER_TOO_SMALL);
    assertThat(out.protectRtcp(rtcpBuf, 0, rtcp.length)).isEqualTo(SrtpStatus.BUFFER_TOO_SMALL);

    assertThat(rtpBuf).isEqualTo(Arrays.copyOf(rtp, rtpBuf.length));
    assertThat(rtcpBuf).isEqualTo(Arrays.copyOf(rtcp, rtcpBuf.length));
    assertThat(out.streamCount()).isZero();
    assertThat(out.rtcpStreamCount()).isZero();
    assertThat(out.counters().rtp(SrtpStatus.BUFFER_TOO_SMALL)).isEqualTo(1);
  }
}
