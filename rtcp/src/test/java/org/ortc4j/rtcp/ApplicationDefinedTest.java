package org.ortc4j.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.ortc4j.rtcp.SenderReportTest.assertInvalid;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ortc4j.rtcp.RtcpParseException.Reason;

class ApplicationDefinedTest {
  static Stream<Arguments> validPackets() {
    return Stream.of(
        arguments(
            "name and one data word (pion/rtcp application_defined_test.go, \"valid\")",
            "80 cc 0003  4baae1ab  4e414d45  41424344   # \"NAME\", \"ABCD\"",
            new ApplicationDefined(0, 0x4baae1abL, "NAME", Hex.bytes("41424344"))),
        arguments(
            "subtype 31 (pion/rtcp \"validCustomSsubType\")",
            "9f cc 0003  4baae1ab  4e414d45  41424344",
            new ApplicationDefined(31, 0x4baae1abL, "NAME", Hex.bytes("41424344"))),
        arguments(
            "no data (libwebrtc app_unittest.cc, kPacketWithoutData)",
            "9e cc 0002  12345678  6e616d65",
            new ApplicationDefined(0x1e, 0x12345678L, "name", new byte[0])),
        arguments(
            "two data words (libwebrtc kPacketWithData)",
            "9e cc 0004  12345678  6e616d65  74657374 64617461   # \"testdata\"",
            new ApplicationDefined(0x1e, 0x12345678L, "name", Hex.bytes("7465737464617461"))),
        arguments(
            "a name of non-ASCII bytes and 4 bytes of padding",
            "a0 cc 0003  00000001  ff00e97f  00000004",
            new ApplicationDefined(0, 1, Hex.bytes("ff00e97f"), new byte[0], 4)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validPackets")
  void parsesAndSerializesBackToTheSameBytes(String name, String hex, ApplicationDefined expected)
      throws Exception {
    RtcpFixtures.assertParsesTo(Hex.bytes(hex), expected);
  }

  static Stream<Arguments> invalidPackets() {
    return Stream.of(
        arguments(
            "5 data bytes and 3 of padding, which pion/rtcp accepts (\"validWithPadding\"); RFC"
                + " 3550 wants whole words",
            "a0 cc 0004  4baae1ab  4e414d45  4142434445  030303",
            Reason.BAD_LENGTH),
        arguments(
            "3 data bytes and 1 of padding (libwebrtc kPacketWithUnalignedPayload)",
            "be cc 0003  12345678  6e616d65  646174 01",
            Reason.BAD_LENGTH),
        arguments("no name (libwebrtc kTooSmallPacket)", "9e cc 0001  12345678", Reason.TOO_SHORT),
        arguments(
            "length 255 words (pion/rtcp \"invalidAppPacketLengthField\")",
            "80 cc 00ff  4baae1ab  4e414d45  41424344",
            Reason.BAD_LENGTH),
        arguments(
            "padding 9 eats into the name (pion/rtcp \"wrongPaddingSize\")",
            "a0 cc 0004  4baae1ab  4e414d45  4142434445  030309",
            Reason.TOO_SHORT),
        arguments("a lone byte (pion/rtcp \"invalidHeader\")", "ff", Reason.TOO_SHORT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidPackets")
  void rejectsMalformedPackets(String name, String hex, Reason reason) {
    assertThat(RtcpFixtures.parseFailure(Hex.bytes(hex))).isEqualTo(reason);
  }

  @Test
  void headerFieldsDestinationsAndName() {
    ApplicationDefined app = new ApplicationDefined(7, 42, "QOS1", Hex.bytes("00000001"));
    assertThat(app.packetType()).isEqualTo(204);
    assertThat(app.countOrFormat()).isEqualTo(7);
    assertThat(app.padding()).isZero();
    assertThat(app.destinationSsrcs()).containsExactly(42L);
    assertThat(app.nameText()).isEqualTo("QOS1");
    assertThat(app.name()).isEqualTo(Hex.bytes("514f5331"));
    assertThat(new ApplicationDefined(0, 1, Hex.bytes("41ff4243"), new byte[0]).nameText())
        .isEqualTo("A\u00ffBC");
    assertThat(app.toString())
        .isEqualTo("ApplicationDefined[subtype=7, ssrc=42, name=QOS1, data=00000001, padding=0]");
  }

  @Test
  void copiesBytesInAndOutAndComparesByContent() {
    byte[] name = Hex.bytes("61626364");
    byte[] data = Hex.bytes("01020304");
    ApplicationDefined app = new ApplicationDefined(1, 2, name, data);
    name[0] = 0;
    data[0] = 0;
    app.name()[1] = 0;
    app.data()[1] = 0;
    ApplicationDefined same = new ApplicationDefined(1, 2, "abcd", Hex.bytes("01020304"));
    assertThat(app).isEqualTo(same).hasSameHashCodeAs(same);
    assertThat(app).isNotEqualTo(new ApplicationDefined(1, 2, "abce", Hex.bytes("01020304")));
    assertThat(app).isNotEqualTo(new ApplicationDefined(1, 2, "abcd", Hex.bytes("01020305")));
    assertThat(app).isNotEqualTo(new ApplicationDefined(2, 2, "abcd", Hex.bytes("01020304")));
    assertThat(app)
        .isNotEqualTo(
            new ApplicationDefined(1, 2, Hex.bytes("61626364"), Hex.bytes("01020304"), 4));
  }

  @Test
  void rejectsInvalidFields() {
    byte[] none = new byte[0];
    assertInvalid(() -> new ApplicationDefined(32, 0, "NAME", none), "subtype");
    assertInvalid(() -> new ApplicationDefined(-1, 0, "NAME", none), "subtype");
    assertInvalid(() -> new ApplicationDefined(0, 1L << 32, "NAME", none), "ssrc");
    assertInvalid(() -> new ApplicationDefined(0, 0, "NOT4CHARS", none), "four ASCII");
    assertInvalid(() -> new ApplicationDefined(0, 0, "NAMÉ", none), "four ASCII");
    assertInvalid(() -> new ApplicationDefined(0, 0, new byte[3], none), "4 bytes");
    assertInvalid(() -> new ApplicationDefined(0, 0, new byte[5], none), "name");
    assertInvalid(() -> new ApplicationDefined(0, 0, "NAME", new byte[5]), "data");
    assertInvalid(() -> new ApplicationDefined(0, 0, new byte[4], none, 2), "padding");
    byte[] tooMuch = new byte[RtcpHeader.MAX_PACKET_SIZE - 8];
    assertInvalid(() -> new ApplicationDefined(0, 0, "NAME", tooMuch), "exceeds");
    assertThat(
            new ApplicationDefined(0, 0, "NAME", new byte[RtcpHeader.MAX_PACKET_SIZE - 12])
                .serialize())
        .hasSize(RtcpHeader.MAX_PACKET_SIZE);
  }
}
