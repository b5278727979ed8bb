package org.ortc4j.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ortc4j.rtcp.RtcpParseException.Reason;

class SenderReportTest {
  private static final ReceptionReport PION_BLOCK =
      new ReceptionReport(0xbc5e9a40L, 0, 0, 0x46e1, 273, 0x9f36432L, 150137);

  static Stream<Arguments> validPackets() {
    return Stream.of(
        arguments(
            "one report block (pion/rtcp sender_report_test.go, \"valid\"; length corrected)",
            """
            81 c8 000c        # V=2 RC=1 SR, length 12 (Pion's fixture says 7 and Pion ignores it)
            902f9e2e          # sender SSRC
            da8bd1fc dddda05a # NTP timestamp
            aaf4edd5          # RTP timestamp
            00000001          # packet count
            00000002          # octet count
            bc5e9a40          # block: SSRC
            00 000000         # fraction lost 0, cumulative lost 0
            000046e1          # extended highest sequence number
            00000111          # jitter 273
            09f36432          # LSR
            00024a79          # DLSR 150137
            """,
            new SenderReport(
                0x902f9e2eL, 0xda8bd1fcdddda05aL, 0xaaf4edd5L, 1, 2, List.of(PION_BLOCK))),
        arguments(
            "no report blocks (libwebrtc sender_report_unittest.cc, kPacket)",
            """
            80 c8 0006
            12345678 11121418 22242628 33343536 44454647 55565758
            """,
            new SenderReport(
                0x12345678L,
                0x1112141822242628L,
                0x33343536L,
                0x44454647L,
                0x55565758L,
                List.of())),
        arguments(
            "two blocks, a negative cumulative loss, an extension word and padding",
            """
            a2 c8 0014        # V=2 P=1 RC=2 SR, length 20
            00000001 ffffffff 00000000 fffffffe 7fffffff 80000000
            00000002 ff 800000 00010002 00000003 00000004 00000005   # loss -2^23
            00000003 01 ffff85 ffffffff 00000000 ffffffff 00000000   # loss -123
            cafebabe          # profile-specific extension
            00000004          # padding, 4 bytes
            """,
            new SenderReport(
                1,
                0xffffffff00000000L,
                0xfffffffeL,
                0x7fffffffL,
                0x80000000L,
                List.of(
                    new ReceptionReport(2, 0xff, -(1 << 23), 0x10002, 3, 4, 5),
                    new ReceptionReport(3, 1, -123, 0xffffffffL, 0, 0xffffffffL, 0)),
                Hex.bytes("cafebabe"),
                4)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validPackets")
  void parsesAndSerializesBackToTheSameBytes(String name, String hex, SenderReport expected)
      throws Exception {
    RtcpFixtures.assertParsesTo(Hex.bytes(hex), expected);
  }

  static Stream<Arguments> invalidPackets() {
    return Stream.of(
        arguments(
            "RC=2 with one block (pion/rtcp \"bad count in header\", length corrected)",
            """
            82 c8 000c
            902f9e2e da8bd1fc dddda05a aaf4edd5 00000001 00000002
            bc5e9a40 00000000 000046e1 00000111 09f36432 00024a79
            """,
            Reason.BAD_COUNT),
        arguments(
            "RC=1 without blocks",
            "81 c8 0006  12345678 11121418 22242628 33343536 44454647 55565758",
            Reason.BAD_COUNT),
        arguments("no sender info", "80 c8 0001  12345678", Reason.TOO_SHORT),
        arguments(
            "sender info cut short",
            "80 c8 0005  12345678 11121418 22242628 33343536 44454647",
            Reason.TOO_SHORT),
        arguments("header only", "80 c8 0000", Reason.TOO_SHORT),
        arguments(
            "length past the end of the input",
            "80 c8 0007  12345678 11121418 22242628 33343536 44454647 55565758",
            Reason.BAD_LENGTH),
        arguments(
            "2 bytes of padding leave an extension of 2 bytes",
            """
            a0 c8 0007
            12345678 11121418 22242628 33343536 44454647 55565758
            abcd 0002
            """,
            Reason.BAD_LENGTH),
        arguments(
            "padding count 0",
            "a0 c8 0006  12345678 11121418 22242628 33343536 44454647 55565700",
            Reason.BAD_PADDING),
        arguments(
            "SR and SDES in one input given as one packet (pion/rtcp \"with extension\", issue"
                + " 447)",
            pionSenderReportAndSdes(),
            Reason.BAD_LENGTH));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidPackets")
  void rejectsMalformedPackets(String name, String hex, Reason reason) {
    assertThat(RtcpFixtures.parseFailure(Hex.bytes(hex))).isEqualTo(reason);
  }

  /**
   * pion/rtcp's "with extension" fixture: Pion reads the SDES after an SR as the SR's extension; it
   * is really a compound packet.
   */
  private static String pionSenderReportAndSdes() {
    return """
           80 c8 0006           # SR, RC=0, length 6
           2b7ec0c5             # sender SSRC
           e020a2a9 52a53fc0    # NTP timestamp
           2e48a552             # RTP timestamp
           00000046 0000121d    # 70 packets, 4637 octets
           81 ca 0006           # SDES, SC=1, length 6
           2b7ec0c5             # chunk SSRC
           01 10 4c6349667a586f6e446f72645365 5736  # CNAME, 16 bytes
           00 00                # end marker and one null octet
           """;
  }

  @Test
  void pionFixtureWithTrailingSdesIsACompoundPacket() throws Exception {
    byte[] wire = Hex.bytes(pionSenderReportAndSdes());
    List<RtcpPacket> packets = RtcpCompound.parse(wire, 0, wire.length, CompoundValidation.RFC3550);
    assertThat(packets)
        .containsExactly(
            new SenderReport(0x2b7ec0c5L, 0xe020a2a952a53fc0L, 0x2e48a552L, 70, 4637, List.of()),
            SourceDescription.cname(0x2b7ec0c5L, "LcIfzXonDordSeW6"));
    assertThat(RtcpCompound.serialize(packets)).isEqualTo(wire);
  }

  @Test
  void headerFieldsAndDestinations() {
    SenderReport report =
        new SenderReport(
            9, 0, 0, 0, 0, List.of(PION_BLOCK, new ReceptionReport(7, 0, 0, 0, 0, 0, 0)));
    assertThat(report.packetType()).isEqualTo(200);
    assertThat(report.countOrFormat()).isEqualTo(2);
    assertThat(report.padding()).isZero();
    assertThat(report.profileExtensions()).isEmpty();
    assertThat(report.destinationSsrcs()).containsExactly(0xbc5e9a40L, 7L);
  }

  @Test
  void copiesExtensionsInAndOut() {
    byte[] extensions = Hex.bytes("01020304");
    SenderReport report = new SenderReport(1, 2, 3, 4, 5, List.of(), extensions, 0);
    extensions[0] = 9;
    report.profileExtensions()[1] = 9;
    assertThat(report.profileExtensions()).isEqualTo(Hex.bytes("01020304"));
    assertThat(report)
        .isEqualTo(new SenderReport(1, 2, 3, 4, 5, List.of(), Hex.bytes("01020304"), 0));
    assertThat(report.hashCode())
        .isEqualTo(new SenderReport(1, 2, 3, 4, 5, List.of(), Hex.bytes("01020304"), 0).hashCode());
    assertThat(report).isNotEqualTo(new SenderReport(1, 2, 3, 4, 5, List.of(), new byte[4], 0));
    assertThat(report.toString()).contains("profileExtensions=01020304", "ntpTimestamp=2");
  }

  @Test
  void rejectsInvalidFields() {
    List<ReceptionReport> none = List.of();
    assertInvalid(() -> new SenderReport(-1, 0, 0, 0, 0, none), "ssrc");
    assertInvalid(() -> new SenderReport(0, 0, 1L << 32, 0, 0, none), "rtpTimestamp");
    assertInvalid(() -> new SenderReport(0, 0, 0, -1, 0, none), "packetCount");
    assertInvalid(() -> new SenderReport(0, 0, 0, 0, 1L << 32, none), "octetCount");
    List<ReceptionReport> tooMany = Collections.nCopies(32, PION_BLOCK);
    assertInvalid(() -> new SenderReport(0, 0, 0, 0, 0, tooMany), "reports");
    assertInvalid(() -> new SenderReport(0, 0, 0, 0, 0, none, new byte[3], 0), "profileExtensions");
    assertInvalid(() -> new SenderReport(0, 0, 0, 0, 0, none, null, 0), "profileExtensions");
    assertInvalid(() -> new SenderReport(0, 0, 0, 0, 0, none, new byte[0], 2), "padding");
    assertInvalid(() -> new SenderReport(0, 0, 0, 0, 0, none, new byte[0], 256), "padding");
    byte[] huge = new byte[RtcpHeader.MAX_PACKET_SIZE - 28];
    assertThat(new SenderReport(0, 0, 0, 0, 0, none, huge, 0).serializedLength())
        .isEqualTo(RtcpHeader.MAX_PACKET_SIZE);
    assertInvalid(() -> new SenderReport(0, 0, 0, 0, 0, none, huge, 4), "exceeds");
  }

  static void assertInvalid(Runnable construction, String message) {
    assertThatThrownBy(construction::run)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  private static SenderReport reportAt(Instant wallClock, long rtpTimestamp) {
    return new SenderReport(1, NtpTime.fromInstant(wallClock), rtpTimestamp, 0, 0, List.of());
  }

  @Test
  void mapsRtpTimestampsToWallClockTime() {
    Instant t0 = Instant.parse("2024-05-01T12:00:00Z");
    SenderReport report = reportAt(t0, 1_000_000);
    assertThat(report.wallClock()).isEqualTo(t0);
    assertThat(report.wallClockOf(1_000_000 + 90_000, 90_000)).isEqualTo(t0.plusSeconds(1));
    assertThat(report.wallClockOf(1_000_000 - 45_000, 90_000)).isEqualTo(t0.minusMillis(500));
    assertThat(report.wallClockOf(1_000_001, 48_000)).isEqualTo(t0.plusNanos(20_833));
  }

  @Test
  void wallClockOfFollowsTheRtpTimestampAcrossItsWrap() {
    Instant t0 = Instant.parse("2024-05-01T12:00:00Z");
    SenderReport nearTheTop = reportAt(t0, 0xffff_fff0L);
    assertThat(nearTheTop.wallClockOf(0x10, 90_000)).isEqualTo(t0.plusNanos(355_556));
    SenderReport nearZero = reportAt(t0, 0x10);
    assertThat(nearZero.wallClockOf(0xffff_fff0L, 8_000)).isEqualTo(t0.minusMillis(4));
  }

  @Test
  void mapsWallClockTimeToRtpTimestamps() {
    Instant t0 = Instant.parse("2024-05-01T12:00:00Z");
    SenderReport report = reportAt(t0, 0xffff_0000L);
    assertThat(report.rtpTimestampAt(t0, 90_000)).isEqualTo(0xffff_0000L);
    assertThat(report.rtpTimestampAt(t0.plusSeconds(1), 90_000)).isEqualTo(90_000 - 0x1_0000L);
    assertThat(report.rtpTimestampAt(t0.minusMillis(10), 48_000)).isEqualTo(0xffff_0000L - 480);
    assertThat(report.rtpTimestampAt(t0.plusNanos(10_416), 48_000)).isEqualTo(0xffff_0000L);
    assertThat(report.rtpTimestampAt(t0.plusNanos(10_417), 48_000)).isEqualTo(0xffff_0001L);
    assertThat(report.rtpTimestampAt(t0.plus(Duration.ofDays(365 * 100)), 90_000))
        .isBetween(0L, 0xffff_ffffL);
  }

  @Test
  void rtpAndWallClockConversionsAreInverse() {
    Instant t0 = Instant.parse("2030-01-01T00:00:00.123456789Z");
    SenderReport report = reportAt(t0, 123_456);
    for (long rtp = 0; rtp < 1L << 32; rtp += 0x0123_4567L) {
      assertThat(report.rtpTimestampAt(report.wallClockOf(rtp, 90_000), 90_000)).isEqualTo(rtp);
    }
  }

  @Test
  void rejectsBadClockRatesAndTimestamps() {
    SenderReport report = reportAt(Instant.parse("2024-05-01T12:00:00Z"), 0);
    Instant now = Instant.now();
    assertInvalid(() -> report.wallClockOf(0, 0), "clockRate");
    assertInvalid(() -> report.rtpTimestampAt(now, -1), "clockRate");
    assertInvalid(() -> report.wallClockOf(1L << 32, 90_000), "rtpTimestamp");
  }
}
