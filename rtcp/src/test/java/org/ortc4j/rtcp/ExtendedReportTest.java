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

class ExtendedReportTest {
  /** Pion's extended_report_test.go encodedPacket(): one block of each type RFC 3611 defines. */
  private static final String PION_PACKET =
      """
      80 cf 0033   # V=2 XR length 51
      01020304     # sender SSRC
      01 0c 0004   # Loss RLE, thinning 12, 4 words
      12345689  0005 000c  4006 0006  8765 0000
      02 06 0004   # Duplicate RLE, thinning 6, 4 words
      12345689  0005 000c  4123 3fff  ffff 0000
      03 03 0007   # Packet Receipt Times, thinning 3, 7 words
      98765432  3c48 3cd9  11111111 22222222 33333333 44444444 55555555
      04 00 0002   # Receiver Reference Time
      01020304 05060708
      05 00 0009   # DLRR, three sub-blocks
      88888888 12345678 99999999
      09090909 12345678 99999999
      11223344 12345678 99999999
      06 e8 0009   # Statistics Summary
      fedcba98  12345678  11111111 22222222 33333333 44444444 55555555 66666666  01020304
      07 00 0008   # VoIP Metrics
      89abcdef  05060708  11112222 33334444  11223344 55667788 99001122 33445566
      """;

  private static final DlrrBlock PION_DLRR =
      new DlrrBlock(
          List.of(
              new DlrrSubBlock(0x88888888L, 0x12345678L, 0x99999999L),
              new DlrrSubBlock(0x09090909L, 0x12345678L, 0x99999999L),
              new DlrrSubBlock(0x11223344L, 0x12345678L, 0x99999999L)));

  private static final ExtendedReport PION_REPORT =
      new ExtendedReport(
          0x01020304L,
          List.of(
              new RawXrBlock(1, 0x0c, Hex.bytes("12345689 0005000c 40060006 87650000")),
              new RawXrBlock(2, 0x06, Hex.bytes("12345689 0005000c 41233fff ffff0000")),
              new RawXrBlock(
                  3,
                  0x03,
                  Hex.bytes("98765432 3c483cd9 11111111 22222222 33333333 44444444 55555555")),
              new ReceiverReferenceTimeBlock(0x0102030405060708L),
              PION_DLRR,
              new RawXrBlock(
                  6,
                  0xe8,
                  Hex.bytes(
                      "fedcba98 12345678 11111111 22222222 33333333 44444444 55555555 66666666"
                          + " 01020304")),
              new RawXrBlock(
                  7,
                  0,
                  Hex.bytes(
                      "89abcdef 05060708 11112222 33334444 11223344 55667788 99001122 33445566"))));

  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of(
            "libwebrtc rtcp_packet/extended_reports_unittest.cc kEmptyPacket",
            "80 cf 0001  12345678",
            new ExtendedReport(0x12345678L, List.of())),
        Arguments.of(
            "libwebrtc rtcp_packet/rrtr_unittest.cc kBlock in an XR",
            """
            80 cf 0004  12345678
            04 00 0002  12345678 23456789   # RRTR, NTP 0x12345678.23456789
            """,
            new ExtendedReport(
                0x12345678L, List.of(ReceiverReferenceTimeBlock.of(0x12345678L, 0x23456789L)))),
        Arguments.of(
            "libwebrtc rtcp_packet/dlrr_unittest.cc kBlock in an XR",
            """
            80 cf 0005  12345678
            05 00 0003  12345678 23344556 33343536   # SSRC, LRR, DLRR
            """,
            new ExtendedReport(
                0x12345678L,
                List.of(
                    new DlrrBlock(
                        List.of(new DlrrSubBlock(0x12345678L, 0x23344556L, 0x33343536L)))))),
        Arguments.of("Pion extended_report_test.go encodedPacket()", PION_PACKET, PION_REPORT),
        Arguments.of(
            "empty DLRR and empty raw block, padded",
            """
            a0 cf 0004  00000001
            05 00 0000  # DLRR without sub-blocks
            ff 7f 0000  # block type 255, no contents
            00000004    # padding
            """,
            new ExtendedReport(
                1, List.of(new DlrrBlock(List.of()), new RawXrBlock(255, 0x7f, new byte[0])), 4)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void parsesAndSerializesBack(String name, String hex, ExtendedReport expected)
      throws Exception {
    RtcpFixtures.assertParsesTo(Hex.bytes(hex), expected);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("no sender SSRC", "80 cf 0000", Reason.TOO_SHORT),
        Arguments.of(
            "RRTR of 3 words", "80 cf 0005  12345678  04 00 0003  00000001 00000002 00000003",
            Reason.BAD_XR_BLOCK),
        Arguments.of(
            "RRTR of 1 word", "80 cf 0003  12345678  04 00 0001  00000001", Reason.BAD_XR_BLOCK),
        Arguments.of(
            "DLRR of 4 words (libwebrtc dlrr_unittest.cc ParseFailsOnBadSize)",
            "80 cf 0006  12345678  05 00 0004  00000001 00000002 00000003 00000004",
            Reason.BAD_XR_BLOCK),
        Arguments.of(
            "DLRR of 5 words (libwebrtc dlrr_unittest.cc ParseFailsOnBadSize)",
            "80 cf 0007  12345678  05 00 0005  00000001 00000002 00000003 00000004 00000005",
            Reason.BAD_XR_BLOCK),
        Arguments.of(
            "block length past the packet",
            "80 cf 0004  12345678  07 00 0005  00000001 00000002",
            Reason.BAD_XR_BLOCK),
        Arguments.of(
            "block length 0xffff past the packet",
            "80 cf 0002  12345678  07 00 ffff",
            Reason.BAD_XR_BLOCK),
        Arguments.of(
            "half a block header (odd padding)",
            "a0 cf 0002  12345678  07 00 0002",
            Reason.BAD_XR_BLOCK),
        Arguments.of(
            "Pion's packet one word short: the VoIP Metrics block runs past the end",
            PION_PACKET.replace("80 cf 0033", "80 cf 0032").replace("33445566", ""),
            Reason.BAD_XR_BLOCK));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void rejectsMalformedInput(String name, String hex, Reason reason) {
    assertThat(RtcpFixtures.parseFailure(Hex.bytes(hex))).isEqualTo(reason);
  }

  @Test
  void reservedFieldsAreIgnoredAndWrittenAsZeros() throws Exception {
    byte[] wire =
        Hex.bytes(
            """
            9f cf 0005  00000001      # reserved header bits all set
            04 ff 0002  00000001 00000002    # RRTR, reserved byte set
            05 ff 0000                       # DLRR, reserved byte set
            """);
    RtcpPacket parsed = RtcpPacket.parse(wire);
    assertThat(parsed)
        .isEqualTo(
            new ExtendedReport(
                1, List.of(ReceiverReferenceTimeBlock.of(1, 2), new DlrrBlock(List.of()))));
    assertThat(Hex.of(parsed.serialize()))
        .isEqualTo(Hex.of(Hex.bytes("80cf0005 00000001 04000002 00000001 00000002 05000000")));
  }

  @Test
  void findsTheTimingBlocks() {
    assertThat(PION_REPORT.receiverReferenceTime())
        .contains(new ReceiverReferenceTimeBlock(0x0102030405060708L));
    assertThat(PION_REPORT.dlrrSubBlocks()).isEqualTo(PION_DLRR.subBlocks());
    assertThat(PION_REPORT.destinationSsrcs())
        .containsExactly(0x88888888L, 0x09090909L, 0x11223344L);
    ExtendedReport empty = new ExtendedReport(1, List.of());
    assertThat(empty.receiverReferenceTime()).isEmpty();
    assertThat(empty.dlrrSubBlocks()).isEmpty();
    assertThat(empty.destinationSsrcs()).isEmpty();
  }

  @Test
  void describesItself() {
    ExtendedReport xr = new ExtendedReport(1, List.of(ReceiverReferenceTimeBlock.of(2, 3)));
    assertThat(xr.packetType()).isEqualTo(207);
    assertThat(xr.countOrFormat()).isZero();
    assertThat(xr.padding()).isZero();
    assertThat(xr.serializedLength()).isEqualTo(RtcpHeader.SIZE + 16);
    assertThat(xr.serializedLength()).isEqualTo(20);
  }

  @Test
  void rejectsInvalidFields() {
    assertThatThrownBy(() -> new ExtendedReport(-1, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("senderSsrc");
    assertThatThrownBy(() -> new ExtendedReport(1, List.of(), 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32-bit words");
    XrBlock empty = new DlrrBlock(List.of());
    assertThatThrownBy(
            () -> new ExtendedReport(1, Collections.nCopies(ExtendedReport.MAX_BLOCKS + 1, empty)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blocks");
    XrBlock largest = new RawXrBlock(9, 0, new byte[RawXrBlock.MAX_CONTENT_LENGTH]);
    assertThatThrownBy(() -> new ExtendedReport(1, List.of(largest, largest)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exceeds");
  }

  @Test
  void largestPacketRoundTrips() throws Exception {
    // The common header, the sender SSRC and a block header leave this much for contents.
    XrBlock largest = new RawXrBlock(9, 0, new byte[RtcpHeader.MAX_PACKET_SIZE - 12]);
    ExtendedReport xr = new ExtendedReport(1, List.of(largest));
    assertThat(RtcpPacket.parse(xr.serialize())).isEqualTo(xr);
  }

  @Test
  void receiverReferenceTimeSplitsTheTimestamp() {
    ReceiverReferenceTimeBlock rrtr = new ReceiverReferenceTimeBlock(0xfedcba9876543210L);
    assertThat(rrtr.ntpSeconds()).isEqualTo(0xfedcba98L);
    assertThat(rrtr.ntpFraction()).isEqualTo(0x76543210L);
    assertThat(rrtr.compactNtp()).isEqualTo(0xba987654L);
    assertThat(ReceiverReferenceTimeBlock.of(0xfedcba98L, 0x76543210L)).isEqualTo(rrtr);
    assertThat(rrtr.blockType()).isEqualTo(4);
    assertThat(rrtr.typeSpecific()).isZero();
    assertThat(rrtr.contentLength()).isEqualTo(8);
    assertThatThrownBy(() -> ReceiverReferenceTimeBlock.of(1L << 32, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ntpSeconds");
    assertThatThrownBy(() -> ReceiverReferenceTimeBlock.of(0, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ntpFraction");
  }

  @Test
  void dlrrBlockValidatesItsSubBlocks() {
    assertThat(PION_DLRR.blockType()).isEqualTo(5);
    assertThat(PION_DLRR.typeSpecific()).isZero();
    assertThat(PION_DLRR.contentLength()).isEqualTo(36);
    DlrrSubBlock sub = new DlrrSubBlock(1, 2, 3);
    assertThat(new DlrrBlock(Collections.nCopies(DlrrBlock.MAX_SUB_BLOCKS, sub)).contentLength())
        .isEqualTo(0xffff * 4);
    assertThatThrownBy(
            () -> new DlrrBlock(Collections.nCopies(DlrrBlock.MAX_SUB_BLOCKS + 1, sub)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("subBlocks");
    assertThatThrownBy(() -> new DlrrSubBlock(-1, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ssrc");
    assertThatThrownBy(() -> new DlrrSubBlock(0, 1L << 32, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lastRr");
    assertThatThrownBy(() -> new DlrrSubBlock(0, 0, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("delaySinceLastRr");
  }

  @Test
  void rawBlockCopiesAndCompares() {
    byte[] content = Hex.bytes("01020304");
    RawXrBlock block = new RawXrBlock(8, 1, content);
    content[0] = 9;
    block.content()[1] = 9;
    assertThat(block.content()).isEqualTo(Hex.bytes("01020304"));
    assertThat(block.contentLength()).isEqualTo(4);
    assertThat(block).isEqualTo(new RawXrBlock(8, 1, Hex.bytes("01020304")));
    assertThat(block.hashCode()).isEqualTo(new RawXrBlock(8, 1, Hex.bytes("01020304")).hashCode());
    assertThat(block)
        .isNotEqualTo(new RawXrBlock(9, 1, Hex.bytes("01020304")))
        .isNotEqualTo(new RawXrBlock(8, 2, Hex.bytes("01020304")))
        .isNotEqualTo(new RawXrBlock(8, 1, Hex.bytes("01020305")))
        .isNotEqualTo(ReceiverReferenceTimeBlock.of(1, 2));
    assertThat(block.toString())
        .isEqualTo("RawXrBlock[blockType=8, typeSpecific=1, content=01020304]");
  }

  @Test
  void rawBlockRejectsInvalidFields() {
    assertThatThrownBy(() -> new RawXrBlock(4, 0, new byte[8]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("own record");
    assertThatThrownBy(() -> new RawXrBlock(5, 0, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("own record");
    assertThatThrownBy(() -> new RawXrBlock(256, 0, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blockType");
    assertThatThrownBy(() -> new RawXrBlock(6, -1, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("typeSpecific");
    assertThatThrownBy(() -> new RawXrBlock(6, 0, new byte[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whole 32-bit words");
    assertThatThrownBy(() -> new RawXrBlock(6, 0, new byte[RawXrBlock.MAX_CONTENT_LENGTH + 4]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("content");
    assertThatThrownBy(() -> new RawXrBlock(6, 0, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("content");
  }

}
