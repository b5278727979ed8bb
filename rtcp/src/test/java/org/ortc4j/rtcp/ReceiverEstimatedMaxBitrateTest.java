package org.ortc4j.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.ortc4j.rtcp.RtcpParseException.Reason;
import org.ortc4j.rtcp.internal.ByteReader;

class ReceiverEstimatedMaxBitrateTest {
  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of(
            "Pion receiver_estimated_maximum_bitrate_test.go: sent by Chrome, a 6 Mb/s stream",
            """
            8f ce 0005   # V=2 FMT=15 PSFB length 5
            00000001     # sender SSRC
            00000000     # media SSRC
            52454d42     # 'REMB'
            01 1a20df    # 1 SSRC, exponent 6, mantissa 139487
            4874ed16     # SSRC 1215622422
            """,
            new ReceiverEstimatedMaxBitrate(1, 0, 6, 139487, List.of(1215622422L)),
            8927168L),
        Arguments.of(
            "libwebrtc rtcp_packet/remb_unittest.cc kPacket",
            """
            8f ce 0007  12345678  00000000  52454d42
            03 07fb93    # 3 SSRCs, exponent 1, mantissa 0x3fb93
            23456789  2345678a  2345678b
            """,
            new ReceiverEstimatedMaxBitrate(
                0x12345678L, 0, 1, 0x3fb93, List.of(0x23456789L, 0x2345678aL, 0x2345678bL)),
            522022L),
        Arguments.of(
            "mediasoup's REMB test (TestFeedbackPsRemb)",
            """
            8f ce 0006  fa17fa17  00000000  52454d42
            02 01df82    # 2 SSRCs, exponent 0, mantissa 122754
            02d03702  04a76747
            """,
            new ReceiverEstimatedMaxBitrate(
                0xfa17fa17L, 0, 0, 122754, List.of(0x02d03702L, 0x04a76747L)),
            122754L),
        Arguments.of(
            "Pion's overflow test: exponent 63, mantissa 0x3ffff, no SSRC; saturates",
            "8f ce 0004  00000000  00000000  52454d42  00 ffffff",
            new ReceiverEstimatedMaxBitrate(0, 0, 63, 0x3ffff, List.of()),
            Long.MAX_VALUE),
        Arguments.of(
            "Pion's overflow test, second packet: exponent 47, mantissa 0",
            "8f ce 0004  00000000  00000000  52454d42  00 bc0000",
            new ReceiverEstimatedMaxBitrate(0, 0, 47, 0, List.of()),
            0L),
        Arguments.of(
            "libwebrtc's ParseFailsWhenBitrateDoNotFitIn64bits packet: kept, bitrate saturates",
            """
            8f ce 0007  12345678  00000000  52454d42
            03 fffb93    # exponent 63, mantissa 0x3fb93
            23456789  2345678a  2345678b
            """,
            new ReceiverEstimatedMaxBitrate(
                0x12345678L, 0, 63, 0x3fb93, List.of(0x23456789L, 0x2345678aL, 0x2345678bL)),
            Long.MAX_VALUE),
        Arguments.of(
            "media SSRC not 0 (kept), padded",
            "af ce 0005  00000001  00000002  52454d42  00 000001  00000004",
            new ReceiverEstimatedMaxBitrate(1, 2, 0, 1, List.of(), 4),
            1L));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void parsesAndSerializesBack(
      String name, String hex, ReceiverEstimatedMaxBitrate expected, long bitrate)
      throws Exception {
    RtcpFixtures.assertParsesTo(Hex.bytes(hex), expected);
    assertThat(expected.bitrate()).isEqualTo(bitrate);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(
            "libwebrtc remb_unittest.cc ParseFailsOnTooSmallPacketToBeRemb: 'REMB', no bitrate",
            "8f ce 0003  12345678  00000000  52454d42",
            Reason.TOO_SHORT),
        Arguments.of(
            "libwebrtc remb_unittest.cc ParseFailsWhenSsrcCountMismatchLength: 4 SSRCs counted",
            """
            8f ce 0007  12345678  00000000  52454d42
            04 07fb93  23456789  2345678a  2345678b
            """,
            Reason.BAD_COUNT),
        Arguments.of(
            "fewer SSRCs counted than present",
            "8f ce 0006  12345678  00000000  52454d42  01 07fb93  23456789  2345678a",
            Reason.BAD_COUNT),
        Arguments.of(
            "255 SSRCs counted, none present",
            "8f ce 0004  12345678  00000000  52454d42  ff 07fb93",
            Reason.BAD_COUNT),
        Arguments.of(
            "SSRC list not whole words (odd padding)",
            "af ce 0005  12345678  00000000  52454d42  01 07fb93  11 000003",
            Reason.BAD_COUNT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void rejectsMalformedInput(String name, String hex, Reason reason) {
    assertThat(RtcpFixtures.parseFailure(Hex.bytes(hex))).isEqualTo(reason);
  }

  @Test
  void otherApplicationLayerFeedbackStaysRaw() throws Exception {
    // libwebrtc remb_unittest.cc ParseFailsWhenUniqueIdentifierIsNotRemb: 'R' -> 'N'.
    byte[] notRemb =
        Hex.bytes("8f ce 0005  12345678 00000000  4e454d42  01 07fb93  23456789");
    assertThat(RtcpPacket.parse(notRemb)).isInstanceOf(RawPacket.class);
    byte[] tooShortToTell = Hex.bytes("8f ce 0002  12345678 00000000");
    assertThat(RtcpPacket.parse(tooShortToTell)).isInstanceOf(RawPacket.class);
  }

  @Test
  void isRembPeeksWithoutConsuming() throws Exception {
    byte[] bytes = Hex.bytes("ffff 12345678 00000000 52454d42");
    ByteReader body = new ByteReader(bytes, 2, 12, "test");
    assertThat(ReceiverEstimatedMaxBitrate.isRemb(body)).isTrue();
    assertThat(body.position()).isEqualTo(2);
    assertThat(body.remaining()).isEqualTo(12);
    assertThat(ReceiverEstimatedMaxBitrate.isRemb(new ByteReader(bytes, 2, 11, "test"))).isFalse();
    assertThat(ReceiverEstimatedMaxBitrate.isRemb(new ByteReader(bytes, 0, 0, "test"))).isFalse();
    for (int i = 0; i < 4; i++) {
      byte[] changed = bytes.clone();
      changed[10 + i] ^= 0x20;
      assertThat(ReceiverEstimatedMaxBitrate.isRemb(new ByteReader(changed, 2, 12, "test")))
          .as("byte %d changed", i)
          .isFalse();
    }
  }

  @Test
  void decoderChecksFormatAndIdentifier() {
    byte[] body = Hex.bytes("12345678 00000000 52454d42 00000001");
    assertThatThrownBy(() -> ReceiverEstimatedMaxBitrate.parseBody(1, RtcpFixtures.reader(body), 0))
        .isInstanceOfSatisfying(
            RtcpParseException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_TYPE));
    byte[] notRemb = Hex.bytes("12345678 00000000 52454d43 00000001");
    assertThatThrownBy(
            () -> ReceiverEstimatedMaxBitrate.parseBody(15, RtcpFixtures.reader(notRemb), 0))
        .isInstanceOfSatisfying(
            RtcpParseException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_VALUE));
  }

  @ParameterizedTest(name = "{0} bps -> exponent {1}, mantissa {2}")
  @CsvSource({
    "0, 0, 0",
    "1, 0, 1",
    "262143, 0, 262143",
    "262144, 1, 131072",
    "522022, 1, 261011",
    "8927168, 6, 139487", // Pion's marshal test
    "8927167, 6, 139486", // Pion's truncation test: rounds down, to 8927104 bps
    "280258427224064, 30, 261011", // libwebrtc's kBitrateBps64bit, 0x3fb93 << 30
    "9223372036854775807, 45, 262143"
  })
  void ofPicksTheSmallestExponentAndRoundsDown(long bitrate, int exponent, int mantissa) {
    ReceiverEstimatedMaxBitrate remb = ReceiverEstimatedMaxBitrate.of(7, bitrate, List.of(9L));
    assertThat(remb.exponent()).isEqualTo(exponent);
    assertThat(remb.mantissa()).isEqualTo(mantissa);
    assertThat(remb.bitrate()).isLessThanOrEqualTo(bitrate);
    assertThat(bitrate - remb.bitrate()).isLessThan(1L << exponent);
    assertThat(remb.senderSsrc()).isEqualTo(7);
    assertThat(remb.mediaSsrc()).isZero();
    assertThat(remb.ssrcs()).containsExactly(9L);
  }

  @Test
  void ofMatchesPionsBytes() {
    byte[] expected =
        Hex.bytes("8f ce 0005  00000001 00000000  52454d42  01 1a20df  4874ed16");
    assertThat(ReceiverEstimatedMaxBitrate.of(1, 8927168, List.of(1215622422L)).serialize())
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{1} << {0}")
  @CsvSource({
    "45, 262143, 9223336852482686976",
    "46, 262143, 9223372036854775807",
    "46, 131071, 9223301668110598144",
    "62, 1, 4611686018427387904",
    "63, 1, 9223372036854775807",
    "63, 0, 0"
  })
  void bitrateSaturatesInsteadOfOverflowing(int exponent, int mantissa, long bitrate) {
    assertThat(new ReceiverEstimatedMaxBitrate(0, 0, exponent, mantissa, List.of()).bitrate())
        .isEqualTo(bitrate);
  }

  @Test
  void describesItself() {
    ReceiverEstimatedMaxBitrate remb = ReceiverEstimatedMaxBitrate.of(1, 1000, List.of(5L, 6L));
    assertThat(remb.packetType()).isEqualTo(206);
    assertThat(remb.countOrFormat()).isEqualTo(15);
    assertThat(remb.padding()).isZero();
    assertThat(remb.destinationSsrcs()).containsExactly(5L, 6L);
    assertThat(remb.serializedLength()).isEqualTo(28);
  }

  @Test
  void rejectsInvalidFields() {
    assertThatThrownBy(() -> ReceiverEstimatedMaxBitrate.of(1, -1, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bitrateBps");
    assertThatThrownBy(() -> new ReceiverEstimatedMaxBitrate(-1, 0, 0, 0, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("senderSsrc");
    assertThatThrownBy(() -> new ReceiverEstimatedMaxBitrate(0, 1L << 32, 0, 0, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mediaSsrc");
    assertThatThrownBy(() -> new ReceiverEstimatedMaxBitrate(0, 0, 64, 0, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exponent");
    assertThatThrownBy(() -> new ReceiverEstimatedMaxBitrate(0, 0, 0, 1 << 18, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mantissa");
    assertThatThrownBy(() -> new ReceiverEstimatedMaxBitrate(0, 0, 0, 0, List.of(-1L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ssrcs");
    assertThatThrownBy(
            () -> new ReceiverEstimatedMaxBitrate(0, 0, 0, 0, Collections.nCopies(256, 1L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ssrcs");
    assertThatThrownBy(() -> new ReceiverEstimatedMaxBitrate(0, 0, 0, 0, List.of(), 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32-bit words");
  }

  @Test
  void mostSsrcsRoundTrip() throws Exception {
    ReceiverEstimatedMaxBitrate remb =
        ReceiverEstimatedMaxBitrate.of(1, 1, Collections.nCopies(255, 0xffff_ffffL));
    assertThat(RtcpPacket.parse(remb.serialize())).isEqualTo(remb);
  }

}
