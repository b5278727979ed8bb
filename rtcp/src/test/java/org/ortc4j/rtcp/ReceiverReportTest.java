package org.ortc4j.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.ortc4j.rtcp.SenderReportTest.assertInvalid;

import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ortc4j.rtcp.RtcpParseException.Reason;

class ReceiverReportTest {
  private static final ReceptionReport PION_BLOCK =
      new ReceptionReport(0xbc5e9a40L, 0, 0, 0x46e1, 273, 0x9f36432L, 150137);

  static Stream<Arguments> validPackets() {
    return Stream.of(
        arguments(
            "one block (pion/rtcp receiver_report_test.go, \"valid\")",
            """
            81 c9 0007   # V=2 RC=1 RR, length 7
            902f9e2e     # reporter SSRC
            bc5e9a40 00 000000 000046e1 00000111 09f36432 00024a79
            """,
            new ReceiverReport(0x902f9e2eL, List.of(PION_BLOCK))),
        arguments(
            "one block and extension data (pion/rtcp \"valid with extension data\")",
            """
            81 c9 0009
            902f9e2e
            bc5e9a40 00 000000 000046e1 00000111 09f36432 00024a79
            54455354 44415441   # "TESTDATA"
            """,
            new ReceiverReport(0x902f9e2eL, List.of(PION_BLOCK), Hex.bytes("5445535444415441"), 0)),
        arguments(
            "every field distinct (libwebrtc receiver_report_unittest.cc, kPacket)",
            """
            81 c9 0007
            12345678
            23456789     # block SSRC
            37 111213    # fraction lost 55, cumulative lost 0x111213
            22232425 33343536 44454647 55565758
            """,
            new ReceiverReport(
                0x12345678L,
                List.of(
                    new ReceptionReport(
                        0x23456789L,
                        55,
                        0x111213,
                        0x22232425L,
                        0x33343536L,
                        0x44454647L,
                        0x55565758L)))),
        arguments(
            "no blocks, as WebRTC receivers send",
            "80 c9 0001  12345678",
            new ReceiverReport(0x12345678L, List.of())),
        arguments(
            "no blocks, 8 bytes of padding",
            "a0 c9 0003  12345678  00000000 00000008",
            new ReceiverReport(0x12345678L, List.of(), new byte[0], 8)),
        arguments(
            "largest cumulative loss",
            "81 c9 0007  00000001  00000002 00 7fffff 00000000 00000000 00000000 00000000",
            new ReceiverReport(1, List.of(new ReceptionReport(2, 0, (1 << 23) - 1, 0, 0, 0, 0)))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validPackets")
  void parsesAndSerializesBackToTheSameBytes(String name, String hex, ReceiverReport expected)
      throws Exception {
    RtcpFixtures.assertParsesTo(Hex.bytes(hex), expected);
  }

  static Stream<Arguments> invalidPackets() {
    return Stream.of(
        arguments(
            "count raised to 2 (libwebrtc ParseFailsOnIncorrectSize; pion/rtcp \"bad count\")",
            """
            82 c9 0007
            12345678
            23456789 37111213 22232425 33343536 44454647 55565758
            """,
            Reason.BAD_COUNT),
        arguments("RC=1 without blocks", "81 c9 0001  12345678", Reason.BAD_COUNT),
        arguments(
            "RC=31 in a short packet (no allocation from the count)",
            "9f c9 0002  12345678 00000000",
            Reason.BAD_COUNT),
        arguments(
            "length 12 words, 3 present (pion/rtcp \"short report\")",
            "81 c9 000c  902f9e2e 00000000",
            Reason.BAD_LENGTH),
        arguments("no reporter SSRC", "80 c9 0000", Reason.TOO_SHORT),
        arguments(
            "2 bytes of padding leave an extension of 2 bytes",
            "a0 c9 0002  12345678 abcd 0002",
            Reason.BAD_LENGTH),
        arguments("padding longer than the body", "a0 c9 0001  12345678", Reason.BAD_PADDING),
        arguments("version 1", "40 c9 0001  12345678", Reason.BAD_VERSION));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidPackets")
  void rejectsMalformedPackets(String name, String hex, Reason reason) {
    assertThat(RtcpFixtures.parseFailure(Hex.bytes(hex))).isEqualTo(reason);
  }

  @Test
  void headerFieldsAndDestinations() {
    ReceiverReport report =
        new ReceiverReport(9, List.of(PION_BLOCK, new ReceptionReport(7, 0, 0, 0, 0, 0, 0)));
    assertThat(report.packetType()).isEqualTo(201);
    assertThat(report.countOrFormat()).isEqualTo(2);
    assertThat(report.padding()).isZero();
    assertThat(report.destinationSsrcs()).containsExactly(0xbc5e9a40L, 7L);
    assertThat(new ReceiverReport(9, List.of()).destinationSsrcs()).isEmpty();
  }

  @Test
  void copiesExtensionsInAndOutAndComparesThemByContent() {
    byte[] extensions = Hex.bytes("01020304");
    ReceiverReport report = new ReceiverReport(1, List.of(), extensions, 0);
    extensions[0] = 9;
    report.profileExtensions()[1] = 9;
    ReceiverReport same = new ReceiverReport(1, List.of(), Hex.bytes("01020304"), 0);
    assertThat(report).isEqualTo(same).hasSameHashCodeAs(same);
    assertThat(report).isNotEqualTo(new ReceiverReport(1, List.of(), new byte[4], 0));
    assertThat(report).isNotEqualTo(new ReceiverReport(1, List.of(), Hex.bytes("01020304"), 4));
    assertThat(report.toString())
        .isEqualTo("ReceiverReport[ssrc=1, reports=[], profileExtensions=01020304, padding=0]");
  }

  @Test
  void rejectsInvalidFields() {
    assertInvalid(() -> new ReceiverReport(1L << 32, List.of()), "ssrc");
    assertInvalid(() -> new ReceiverReport(0, Collections.nCopies(32, PION_BLOCK)), "reports");
    assertInvalid(() -> new ReceiverReport(0, List.of(), new byte[6], 0), "profileExtensions");
    assertInvalid(() -> new ReceiverReport(0, List.of(), new byte[0], 3), "padding");
    assertThatThrownBy(() -> new ReceiverReport(0, null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void thirtyOneBlocksFitTheCountField() throws Exception {
    ReceiverReport report = new ReceiverReport(5, Collections.nCopies(31, PION_BLOCK));
    byte[] wire = report.serialize();
    assertThat(wire[0] & 0x1f).isEqualTo(31);
    assertThat(wire).hasSize(4 + 4 + 31 * 24);
    assertThat(RtcpPacket.parse(wire)).isEqualTo(report);
  }
}
