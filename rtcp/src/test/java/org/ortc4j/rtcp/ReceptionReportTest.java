package org.ortc4j.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.ortc4j.rtcp.SenderReportTest.assertInvalid;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReceptionReportTest {
  /** The block inside an RR with reporter SSRC 1, so the framing does the parsing. */
  private static ReceptionReport parseBlock(String blockHex) throws Exception {
    RtcpPacket packet = RtcpPacket.parse(Hex.bytes("81 c9 0007  00000001 " + blockHex));
    return ((ReceiverReport) packet).reports().get(0);
  }

  static Stream<Arguments> cumulativeLosses() {
    return Stream.of(
        arguments("000000", 0),
        arguments("000001", 1),
        arguments("111213", 0x111213), // libwebrtc report_block_unittest.cc, kCumulativeLost
        arguments("7fffff", 0x7fffff), // libwebrtc ValidateCumulativeLost, the maximum
        arguments("800000", -0x800000), // and the minimum
        arguments("ffff85", -123), // libwebrtc ParseNegativeCumulativeLost
        arguments("ffffff", -1));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @MethodSource("cumulativeLosses")
  void cumulativeLossIsSigned24Bit(String field, int expected) throws Exception {
    String block = "23456789 37" + field + " 22232425 33343536 44454647 55565758";
    ReceptionReport report = parseBlock(block);
    assertThat(report.cumulativeLost()).isEqualTo(expected);
    ReceiverReport rr = new ReceiverReport(1, List.of(report));
    assertThat(Hex.of(rr.serialize())).isEqualTo(Hex.of(Hex.bytes("81c90007 00000001" + block)));
  }

  @Test
  void derivedViews() {
    ReceptionReport report = new ReceptionReport(1, 64, 0, 0x0003_fffeL, 0, 0, 0x0001_8000L);
    assertThat(report.fractionLostRatio()).isEqualTo(0.25);
    assertThat(report.sequenceNumberCycles()).isEqualTo(3);
    assertThat(report.highestSequenceNumber()).isEqualTo(0xfffe);
    assertThat(report.delaySinceLastSenderReportDuration()).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void roundTripTimeFromTheBlock() {
    Instant sent = Instant.parse("2024-05-01T12:00:00Z");
    long lsr = NtpTime.compact(sent);
    // the peer held our SR for 250 ms; the block arrives 400 ms after the SR left
    ReceptionReport report = new ReceptionReport(1, 0, 0, 0, 0, lsr, 65536 / 4);
    assertThat(report.roundTripTime(sent.plusMillis(400)))
        .hasValueSatisfying(
            rtt ->
                assertThat(rtt)
                    .isBetween(Duration.ofNanos(149_990_000), Duration.ofNanos(150_010_000)));
    assertThat(new ReceptionReport(1, 0, 0, 0, 0, 0, 0).roundTripTime(sent)).isEmpty();
  }

  @Test
  void rejectsFieldsOutOfRange() {
    assertInvalid(() -> new ReceptionReport(-1, 0, 0, 0, 0, 0, 0), "ssrc");
    assertInvalid(() -> new ReceptionReport(0, 256, 0, 0, 0, 0, 0), "fractionLost");
    assertInvalid(() -> new ReceptionReport(0, -1, 0, 0, 0, 0, 0), "fractionLost");
    assertInvalid(() -> new ReceptionReport(0, 0, 1 << 23, 0, 0, 0, 0), "cumulativeLost");
    assertInvalid(() -> new ReceptionReport(0, 0, -(1 << 23) - 1, 0, 0, 0, 0), "cumulativeLost");
    assertInvalid(
        () -> new ReceptionReport(0, 0, 0, 1L << 32, 0, 0, 0), "extendedHighestSequenceNumber");
    assertInvalid(() -> new ReceptionReport(0, 0, 0, 0, 1L << 32, 0, 0), "jitter");
    assertInvalid(() -> new ReceptionReport(0, 0, 0, 0, 0, 1L << 32, 0), "lastSenderReport");
    assertInvalid(
        () -> new ReceptionReport(0, 0, 0, 0, 0, 0, 1L << 32), "delaySinceLastSenderReport");
  }
}
