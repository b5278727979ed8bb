package org.ortc4j.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.ortc4j.rtcp.SenderReportTest.assertInvalid;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ortc4j.rtcp.RtcpParseException.Reason;

class GoodbyeTest {
  // Pion's fixtures put a byte count in the length field; here it is corrected to words - 1.
  static Stream<Arguments> validPackets() {
    return Stream.of(
        arguments(
            "one source and a reason (pion/rtcp goodbye_test.go, \"valid\")",
            "81 cb 0002  902f9e2e  03 464f4f   # reason \"FOO\" fills the word",
            new Goodbye(List.of(0x902f9e2eL), "FOO")),
        arguments(
            "a short reason (pion/rtcp \"short reason\")",
            "81 cb 0002  902f9e2e  01 46 0000",
            new Goodbye(List.of(0x902f9e2eL), "F")),
        arguments(
            "no sources (pion/rtcp \"empty packet\"; libwebrtc bye_unittest.cc, ParseEmptyPacket)",
            "80 cb 0000",
            new Goodbye(List.of())),
        arguments(
            "two sources and a reason of 7 bytes",
            "82 cb 0004  01020304 05060708  07 62656361757365   # \"because\"",
            new Goodbye(List.of(0x01020304L, 0x05060708L), "because")),
        arguments(
            "a reason of 2 bytes and one null octet",
            "81 cb 0002  01020304  02 6162 00",
            new Goodbye(List.of(0x01020304L), "ab")),
        arguments(
            "an empty reason, which still takes a word",
            "81 cb 0002  01020304  00 000000",
            new Goodbye(List.of(0x01020304L), "")),
        arguments(
            "a reason without sources", "80 cb 0001  03 666f6f", new Goodbye(List.of(), "foo")),
        arguments(
            "4 bytes of padding",
            "a1 cb 0002  01020304  00000004",
            new Goodbye(List.of(0x01020304L), null, 4)),
        arguments(
            "31 sources and a 255-byte reason",
            "9f cb 005f" + " 00000001".repeat(31) + " ff" + " 7a".repeat(255),
            new Goodbye(Collections.nCopies(31, 1L), "z".repeat(255))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validPackets")
  void parsesAndSerializesBackToTheSameBytes(String name, String hex, Goodbye expected)
      throws Exception {
    RtcpFixtures.assertParsesTo(Hex.bytes(hex), expected);
  }

  static Stream<Arguments> invalidPackets() {
    return Stream.of(
        arguments(
            "reason length past the end (pion/rtcp \"invalid octet count\")",
            "81 cb 0002  902f9e2e  04 464f4f",
            Reason.TOO_SHORT),
        arguments(
            "a reason cut by 4 bytes (libwebrtc ParseFailOnInvalidReasonLength)",
            "81 cb 0005  12345678  12 31382063686172616374657273206c",
            Reason.TOO_SHORT),
        arguments(
            "SC=2 with one source (pion/rtcp \"bad count in header\"; libwebrtc"
                + " ParseFailOnInvalidSrcCount)",
            "82 cb 0001  902f9e2e",
            Reason.BAD_COUNT),
        arguments("SC=31 with one source", "9f cb 0001  902f9e2e", Reason.BAD_COUNT),
        arguments(
            "a non-null octet after the reason",
            "81 cb 0002  01020304  01 46 00 01",
            Reason.BAD_VALUE),
        arguments(
            "the reason's null octets cut by 2 bytes of RTCP padding",
            "a1 cb 0002  01020304  01 46  0002",
            Reason.BAD_LENGTH),
        arguments(
            "a word after the padded reason",
            "81 cb 0003  01020304  01 46 0000  00000000",
            Reason.BAD_LENGTH));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidPackets")
  void rejectsMalformedPackets(String name, String hex, Reason reason) {
    assertThat(RtcpFixtures.parseFailure(Hex.bytes(hex))).isEqualTo(reason);
  }

  @Test
  void reasonsOfEveryLengthModuloFourRoundTrip() throws Exception {
    // as libwebrtc's CreateAndParseWithReasons: lengths 4 to 7 need 3, 2, 1 and 0 null octets
    for (int length = 4; length < 8; length++) {
      Goodbye bye = new Goodbye(List.of(0x12345678L), "r".repeat(length));
      byte[] wire = bye.serialize();
      assertThat(wire).hasSize(4 + 4 + ((1 + length + 3) & ~3));
      assertThat(RtcpPacket.parse(wire)).isEqualTo(bye);
    }
  }

  @Test
  void headerFieldsDestinationsAndReason() {
    Goodbye bye = new Goodbye(List.of(3L, 4L), "bye");
    assertThat(bye.packetType()).isEqualTo(203);
    assertThat(bye.countOrFormat()).isEqualTo(2);
    assertThat(bye.padding()).isZero();
    assertThat(bye.destinationSsrcs()).containsExactly(3L, 4L);
    assertThat(bye.reasonText()).contains("bye");
    assertThat(bye.reason()).isEqualTo("bye".getBytes(StandardCharsets.UTF_8));
    Goodbye silent = new Goodbye(List.of(3L));
    assertThat(silent.reason()).isNull();
    assertThat(silent.reasonText()).isEmpty();
    assertThat(new Goodbye(List.of(3L), (String) null)).isEqualTo(silent);
    assertThat(silent.toString()).isEqualTo("Goodbye[sources=[3], reason=none, padding=0]");
    assertThat(bye.toString())
        .isEqualTo("Goodbye[sources=[3, 4], reason=627965 \"bye\", padding=0]");
  }

  @Test
  void noReasonAndAnEmptyReasonDiffer() {
    Goodbye none = new Goodbye(List.of(1L));
    Goodbye empty = new Goodbye(List.of(1L), "");
    assertThat(none).isNotEqualTo(empty);
    assertThat(none.serialize()).hasSize(8);
    assertThat(empty.serialize()).hasSize(12);
    assertThat(empty.reasonText()).contains("");
  }

  @Test
  void copiesTheReasonInAndOut() {
    byte[] reason = "ok".getBytes(StandardCharsets.UTF_8);
    Goodbye bye = new Goodbye(List.of(), reason, 0);
    reason[0] = 'x';
    bye.reason()[1] = 'x';
    Goodbye same = new Goodbye(List.of(), "ok");
    assertThat(bye).isEqualTo(same).hasSameHashCodeAs(same);
    assertThat(bye).isNotEqualTo(new Goodbye(List.of(), "ok".getBytes(StandardCharsets.UTF_8), 4));
    assertThat(bye).isNotEqualTo(new Goodbye(List.of(1L), "ok"));
  }

  @Test
  void rejectsInvalidFields() {
    assertInvalid(() -> new Goodbye(Collections.nCopies(32, 1L)), "sources");
    assertInvalid(() -> new Goodbye(List.of(1L << 32)), "source");
    assertInvalid(() -> new Goodbye(List.of(-1L)), "source");
    byte[] longReason = new byte[256];
    Arrays.fill(longReason, (byte) 'a');
    assertInvalid(() -> new Goodbye(List.of(), longReason, 0), "reason");
    assertInvalid(() -> new Goodbye(List.of(), "é".repeat(128)), "reason");
    assertInvalid(() -> new Goodbye(List.of(), null, 5), "padding");
  }
}
