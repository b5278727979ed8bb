package org.ortc4j.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ortc4j.rtcp.RtcpParseException.Reason;
import org.ortc4j.rtcp.internal.ByteWriter;

class CongestionControlFeedbackTest {
  private static final CcfbMetric NOT_RECEIVED = CcfbMetric.NOT_RECEIVED;

  private static final CongestionControlFeedback MIXED =
      new CongestionControlFeedback(
          0x11111111L,
          List.of(
              new CcfbReportBlock(
                  0x22222222L,
                  0xfffe,
                  List.of(
                      CcfbMetric.received(CcfbMetric.ECN_CE, 8184),
                      CcfbMetric.received(CcfbMetric.ECN_ECT_1, CcfbMetric.ATO_OVER_RANGE),
                      new CcfbMetric(false, CcfbMetric.ECN_CE, 512))),
              new CcfbReportBlock(0x33333333L, 5, List.of()),
              new CcfbReportBlock(
                  0x44444444L,
                  0,
                  List.of(CcfbMetric.received(CcfbMetric.ECN_ECT_0, CcfbMetric.ATO_UNAVAILABLE)))),
          0x8a3b2c1dL,
          4);

  static Stream<Arguments> validPackets() {
    CcfbMetric at8189 = CcfbMetric.received(0, 8189);
    CcfbMetric at8188 = CcfbMetric.received(0, 8188);
    return Stream.of(
        Arguments.of(
            // pion/rtcp rfc8888_test.go, "EmtpyReport"
            """
            8b cd 0002   # V=2 FMT=11 PT=205 length 2
            00000001     # sender SSRC
            00000001     # report timestamp
            """,
            new CongestionControlFeedback(1, List.of(), 1)),
        Arguments.of(
            // pion/rtcp rfc8888_test.go, "Report"
            """
            8b cd 000a
            00000001                # sender SSRC
            00000001 0002 0004      # SSRC 1, begin_seq 2, 4 reports
            9ffd 9ffc 0000 0000     # received 8189/1024 s and 8188/1024 s early, 2 lost
            00000002 0002 0003      # SSRC 2, begin_seq 2, 3 reports
            9ffd 9ffc 0000 0000     # ... and the zero half-word
            00000001                # report timestamp
            """,
            new CongestionControlFeedback(
                1,
                List.of(
                    new CcfbReportBlock(1, 2, List.of(at8189, at8188, NOT_RECEIVED, NOT_RECEIVED)),
                    new CcfbReportBlock(2, 2, List.of(at8189, at8188, NOT_RECEIVED))),
                1)),
        Arguments.of(
            """
            ab cd 000c              # P=1
            11111111
            22222222 fffe 0003      # begin_seq 65534: the reports wrap
            fff8                    # R=1 ECN=CE ATO=8184
            bffe                    # R=1 ECN=ECT(1) ATO over range
            6200                    # R=0 but ECN and ATO set (kept as sent)
            0000
            33333333 0005 0000      # no reports
            44444444 0000 0001
            dfff 0000               # R=1 ECN=ECT(0) ATO unavailable
            8a3b2c1d                # report timestamp
            00000004                # padding 4
            """,
            MIXED));
  }

  @ParameterizedTest
  @MethodSource("validPackets")
  void parsesAndSerializesValidPackets(String hex, CongestionControlFeedback expected)
      throws Exception {
    RtcpFixtures.assertParsesTo(Hex.bytes(hex), expected);
  }

  static Stream<Arguments> invalidPackets() {
    return Stream.of(
        Arguments.of("8b cd 0001 00000001   # no report timestamp", Reason.TOO_SHORT),
        Arguments.of(
            "ab cd 0003 00000001 0000 00000002 0002   # padding 2: body of 10 bytes",
            Reason.TOO_SHORT),
        Arguments.of(
            "8b cd 0003 00000001 00000002 00000003   # half a report block", Reason.TOO_SHORT),
        // pion/rtcp rfc8888_test.go, "incorrectNumReports": 5 reports announced, 4 present
        Arguments.of(
            "8b cd 0006 00000001  00000001 0002 0005 9ffd9ffc 00000000  00000001",
            Reason.BAD_COUNT),
        Arguments.of(
            "8b cd 0005 00000001  00000002 0000 0001 8001 0001  00000009   # non-zero pad",
            Reason.BAD_VALUE));
  }

  @ParameterizedTest
  @MethodSource("invalidPackets")
  void rejectsMalformedPackets(String hex, Reason reason) {
    assertParseFails(Hex.bytes(hex), reason);
  }

  @Test
  void rejectsMoreReportsThanAQuarterOfTheSequenceSpace() throws Exception {
    // pion/rtcp accepts num_reports 0x7ffb ("overflowNumReports"); RFC 8888 caps it at 16384
    assertParseFails(blockWithReports(16385), Reason.BAD_COUNT);
    CongestionControlFeedback largest =
        (CongestionControlFeedback) RtcpPacket.parse(blockWithReports(16384));
    assertThat(largest.reportBlocks().get(0).metrics()).hasSize(16384);
  }

  /** A packet with one report block of {@code reports} lost packets, all bytes present. */
  private static byte[] blockWithReports(int reports) {
    int size = 4 + 4 + 8 + (reports + 1) / 2 * 4 + 4;
    byte[] wire = new byte[size];
    new ByteWriter(wire, 0).u8(0x8b).u8(205).u16(size / 4 - 1).u32(1).u32(2).u16(0).u16(reports);
    return wire;
  }

  @Test
  void reportsTheStreamsAndItsFormat() {
    assertThat(MIXED.destinationSsrcs()).containsExactly(0x22222222L, 0x33333333L, 0x44444444L);
    assertThat(new CongestionControlFeedback(1, List.of(), 2).destinationSsrcs()).isEmpty();
    assertThat(MIXED.packetType()).isEqualTo(205);
    assertThat(MIXED.countOrFormat()).isEqualTo(11);
    assertThat(MIXED.reportBlocks().get(0).sequenceNumber(2)).isEqualTo(0);
    assertThatThrownBy(() -> MIXED.reportBlocks().get(1).sequenceNumber(0))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  static Stream<Arguments> metrics() {
    // the first six from pion/rtcp rfc8888_test.go, TestCCFeedbackMetricBlockUnmarshalMarshal
    return Stream.of(
        Arguments.of(0x0000, new CcfbMetric(false, 0, 0)),
        Arguments.of(0x8000, new CcfbMetric(true, 0, 0)),
        Arguments.of(0x9ffd, new CcfbMetric(true, 0, 8189)),
        Arguments.of(0x9ffe, new CcfbMetric(true, 0, CcfbMetric.ATO_OVER_RANGE)),
        Arguments.of(0x9fff, new CcfbMetric(true, 0, CcfbMetric.ATO_UNAVAILABLE)),
        Arguments.of(0xfff8, new CcfbMetric(true, CcfbMetric.ECN_CE, 8184)),
        Arguments.of(0x2200, new CcfbMetric(false, CcfbMetric.ECN_ECT_1, 512)));
  }

  @ParameterizedTest
  @MethodSource("metrics")
  void decodesAndEncodesMetricBlocks(int value, CcfbMetric metric) {
    assertThat(CcfbMetric.decode(value)).isEqualTo(metric);
    assertThat(metric.encode()).isEqualTo(value);
  }

  @Test
  void convertsArrivalTimeOffsets() {
    assertThat(CcfbMetric.received(0, 512).arrivalTimeOffsetMicros()).isEqualTo(500_000);
    assertThat(CcfbMetric.received(0, 1).arrivalTimeOffsetMicros()).isEqualTo(977);
    assertThat(CcfbMetric.received(0, 8189).hasArrivalTime()).isTrue();
    assertThat(CcfbMetric.received(0, CcfbMetric.ATO_OVER_RANGE).hasArrivalTime()).isFalse();
    assertThat(CcfbMetric.received(0, CcfbMetric.ATO_UNAVAILABLE).hasArrivalTime()).isFalse();
    assertThat(new CcfbMetric(false, 0, 5).hasArrivalTime()).isFalse();
    assertThatThrownBy(() -> NOT_RECEIVED.arrivalTimeOffsetMicros())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void rejectsInvalidFields() {
    assertInvalid(() -> new CcfbMetric(true, 4, 0), "ecn");
    assertInvalid(() -> new CcfbMetric(true, 0, 8192), "arrivalTimeOffset");
    assertInvalid(() -> CcfbMetric.decode(0x10000), "metric block");
    assertInvalid(() -> new CcfbReportBlock(1L << 32, 0, List.of()), "ssrc");
    assertInvalid(() -> new CcfbReportBlock(1, 65536, List.of()), "beginSequence");
    assertInvalid(
        () -> new CcfbReportBlock(1, 0, Collections.nCopies(16385, NOT_RECEIVED)), "at most");
    assertInvalid(() -> new CongestionControlFeedback(-1, List.of(), 0), "senderSsrc");
    assertInvalid(() -> new CongestionControlFeedback(1, List.of(), 1L << 32), "reportTimestamp");
    assertInvalid(() -> new CongestionControlFeedback(1, List.of(), 0, 2), "multiple of 4");
    assertInvalid(() -> new CongestionControlFeedback(1, List.of(), 0, 260), "padding");
    CcfbReportBlock full = new CcfbReportBlock(1, 0, Collections.nCopies(16384, NOT_RECEIVED));
    assertInvalid(
        () -> new CongestionControlFeedback(1, Collections.nCopies(8, full), 0), "exceed");
  }

  @Test
  void damagedPacketsAreRejectedOrRoundTrip() {
    TransportFeedbackFuzz.check(TransportFeedbackRandom.GENERATORS.get(2), 3, 5000);
  }


  private static void assertParseFails(byte[] wire, Reason reason) {
    assertThat(RtcpFixtures.parseFailure(wire)).isEqualTo(reason);
  }

  private static void assertInvalid(Runnable constructor, String message) {
    assertThatThrownBy(constructor::run)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
