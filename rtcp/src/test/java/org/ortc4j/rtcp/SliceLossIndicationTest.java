package org.ortc4j.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ortc4j.rtcp.RtcpParseException.Reason;

class SliceLossIndicationTest {
  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of(
            "Pion slice_loss_indication_test.go 'valid' (Pion frames it as PT 205; PSFB is 206)",
            """
            82 ce 0003   # V=2 FMT=2 PSFB length 3
            902f9e2e     # sender SSRC
            902f9e2e     # media SSRC
            5550002c     # first 0xaaa, number 0, picture ID 0x2c
            """,
            new SliceLossIndication(
                0x902f9e2eL, 0x902f9e2eL, List.of(new SliceLossEntry(0xaaa, 0, 0x2c)))),
        Arguments.of(
            "libwebrtc rtcp_packet/sli_unittest.cc kPacket",
            """
            82 ce 0003  12345678  23456789
            f30e82bf     # first 0x1e61, number 0x1a0a, picture ID 0x3f
            """,
            new SliceLossIndication(
                0x12345678L, 0x23456789L, List.of(new SliceLossEntry(0x1e61, 0x1a0a, 0x3f)))),
        Arguments.of(
            "the entries of Pion's round-trip test, padded",
            """
            a2 ce 0005  902f9e2e  902f9e2e
            00082a9f     # first 1, number 0xaa, picture ID 0x1f
            20500146     # first 1034, number 5, picture ID 6
            00000004     # padding
            """,
            new SliceLossIndication(
                0x902f9e2eL,
                0x902f9e2eL,
                List.of(new SliceLossEntry(1, 0xaa, 0x1f), new SliceLossEntry(1034, 5, 6)),
                4)),
        Arguments.of(
            "all-ones entry",
            "82 ce 0003  00000000 00000000  ffffffff",
            new SliceLossIndication(0, 0, List.of(new SliceLossEntry(0x1fff, 0x1fff, 0x3f)))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void parsesAndSerializesBack(String name, String hex, SliceLossIndication expected)
      throws Exception {
    RtcpFixtures.assertParsesTo(Hex.bytes(hex), expected);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(
            "no entry (libwebrtc sli_unittest.cc shortens its packet by one word this way)",
            "82 ce 0002  12345678 23456789",
            Reason.TOO_SHORT),
        Arguments.of("only the sender SSRC", "82 ce 0001  12345678", Reason.TOO_SHORT),
        Arguments.of(
            "five bytes of FCI (odd padding leaves a partial entry)",
            "a2 ce 0004  12345678 23456789  11223344  55 000003",
            Reason.BAD_LENGTH),
        Arguments.of(
            "length past the input", "82 ce 0004  12345678 23456789 11223344", Reason.BAD_LENGTH));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void rejectsMalformedInput(String name, String hex, Reason reason) {
    assertThat(RtcpFixtures.parseFailure(Hex.bytes(hex))).isEqualTo(reason);
  }

  @Test
  void decoderRejectsAnotherFormat() {
    byte[] body = Hex.bytes("12345678 23456789 00000000");
    assertThatThrownBy(() -> SliceLossIndication.parseBody(1, RtcpFixtures.reader(body), 0))
        .isInstanceOfSatisfying(
            RtcpParseException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_TYPE));
  }

  @Test
  void describesItself() {
    SliceLossIndication sli =
        new SliceLossIndication(1, 2, List.of(new SliceLossEntry(3, 4, 5)));
    assertThat(sli.packetType()).isEqualTo(206);
    assertThat(sli.countOrFormat()).isEqualTo(2);
    assertThat(sli.padding()).isZero();
    assertThat(sli.destinationSsrcs()).containsExactly(2L);
    assertThat(sli.serializedLength()).isEqualTo(16);
  }

  @Test
  void copiesTheEntryList() {
    List<SliceLossEntry> entries = new ArrayList<>(List.of(new SliceLossEntry(1, 2, 3)));
    SliceLossIndication sli = new SliceLossIndication(1, 2, entries);
    entries.add(new SliceLossEntry(4, 5, 6));
    assertThat(sli.entries()).hasSize(1);
    assertThatThrownBy(() -> sli.entries().add(new SliceLossEntry(4, 5, 6)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rejectsInvalidFields() {
    List<SliceLossEntry> one = List.of(new SliceLossEntry(0, 0, 0));
    assertThatThrownBy(() -> new SliceLossIndication(1, 2, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one entry");
    assertThatThrownBy(() -> new SliceLossIndication(-1, 2, one))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("senderSsrc");
    assertThatThrownBy(() -> new SliceLossIndication(1, -2, one))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mediaSsrc");
    assertThatThrownBy(() -> new SliceLossIndication(1, 2, one, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32-bit words");
    List<SliceLossEntry> tooMany =
        Collections.nCopies(SliceLossIndication.MAX_ENTRIES + 1, one.get(0));
    assertThatThrownBy(() -> new SliceLossIndication(1, 2, tooMany))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("entries");
  }

  @Test
  void largestPacketFitsTheLengthField() throws Exception {
    List<SliceLossEntry> most =
        Collections.nCopies(SliceLossIndication.MAX_ENTRIES, new SliceLossEntry(1, 2, 3));
    SliceLossIndication sli = new SliceLossIndication(1, 2, most);
    byte[] wire = sli.serialize();
    assertThat(wire).hasSize(RtcpHeader.MAX_PACKET_SIZE);
    assertThat(RtcpPacket.parse(wire)).isEqualTo(sli);
    assertThatThrownBy(() -> new SliceLossIndication(1, 2, most, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exceeds");
  }

  @Test
  void entryRejectsFieldsWiderThanTheirBits() {
    assertThatThrownBy(() -> new SliceLossEntry(1 << 13, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("first");
    assertThatThrownBy(() -> new SliceLossEntry(0, -1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("number");
    assertThatThrownBy(() -> new SliceLossEntry(0, 0, 64))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pictureId");
  }

}
