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

class FullIntraRequestTest {
  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of(
            "Pion full_intra_request_test.go 'valid' (media SSRC not 0, kept)",
            """
            84 ce 0004   # V=2 FMT=4 PSFB length 4
            00000000     # sender SSRC
            4bc4fcb4     # media SSRC
            12345678     # entry SSRC
            42 000000    # sequence number 0x42, reserved
            """,
            new FullIntraRequest(0, 0x4bc4fcb4L, List.of(new FirEntry(0x12345678L, 0x42)))),
        Arguments.of(
            "Pion full_intra_request_test.go 'also valid'",
            """
            84 ce 0006  00000000  4bc4fcb4
            12345678  42 000000
            98765432  57 000000
            """,
            new FullIntraRequest(
                0,
                0x4bc4fcb4L,
                List.of(new FirEntry(0x12345678L, 0x42), new FirEntry(0x98765432L, 0x57)))),
        Arguments.of(
            "libwebrtc rtcp_packet/fir_unittest.cc kPacket",
            "84 ce 0004  12345678  00000000  23456789  0d 000000",
            new FullIntraRequest(0x12345678L, List.of(new FirEntry(0x23456789L, 13)))),
        Arguments.of(
            "padded",
            "a4 ce 0005  00000001  00000000  ffffffff  ff 000000  00000004",
            new FullIntraRequest(1, 0, List.of(new FirEntry(0xffff_ffffL, 255)), 4)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void parsesAndSerializesBack(String name, String hex, FullIntraRequest expected)
      throws Exception {
    RtcpFixtures.assertParsesTo(Hex.bytes(hex), expected);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(
            "libwebrtc fir_unittest.cc kPacketWithoutFci: no entry",
            "84 ce 0002  12345678 00000000",
            Reason.TOO_SHORT),
        Arguments.of(
            "Pion 'wrong length': half an entry",
            "84 ce 0003  00000000 4bc4fcb4  12345678",
            Reason.TOO_SHORT),
        Arguments.of(
            "libwebrtc fir_unittest.cc kPacketWithOneAndHalfFci",
            "84 ce 0005  12345678 00000000  23456789 0d000000  68616c66  # 'half'",
            Reason.BAD_LENGTH),
        Arguments.of("no media SSRC", "84 ce 0001  12345678", Reason.TOO_SHORT),
        Arguments.of(
            "Pion 'invalid header': version 0",
            "00000000 00000000 00000000 00000000 00000000",
            Reason.BAD_VERSION));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void rejectsMalformedInput(String name, String hex, Reason reason) {
    assertThat(RtcpFixtures.parseFailure(Hex.bytes(hex))).isEqualTo(reason);
  }

  @Test
  void ignoresReservedBitsAndWritesZeros() throws Exception {
    byte[] wire = Hex.bytes("84 ce 0004  00000001 00000000  00000002  07 ffffff");
    RtcpPacket parsed = RtcpPacket.parse(wire);
    assertThat(parsed).isEqualTo(new FullIntraRequest(1, List.of(new FirEntry(2, 7))));
    assertThat(parsed.serialize())
        .isEqualTo(Hex.bytes("84 ce 0004  00000001 00000000  00000002  07 000000"));
  }

  @Test
  void decoderRejectsAnotherFormat() {
    byte[] body = Hex.bytes("12345678 00000000 23456789 0d000000");
    assertThatThrownBy(() -> FullIntraRequest.parseBody(1, RtcpFixtures.reader(body), 0))
        .isInstanceOfSatisfying(
            RtcpParseException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_TYPE));
  }

  @Test
  void describesItself() {
    FullIntraRequest fir =
        new FullIntraRequest(1, 9, List.of(new FirEntry(3, 42), new FirEntry(4, 57)));
    assertThat(fir.packetType()).isEqualTo(206);
    assertThat(fir.countOrFormat()).isEqualTo(4);
    assertThat(fir.mediaSsrc()).isEqualTo(9);
    assertThat(fir.padding()).isZero();
    assertThat(fir.destinationSsrcs()).containsExactly(3L, 4L);
    assertThat(new FullIntraRequest(1, List.of(new FirEntry(3, 42))).mediaSsrc()).isZero();
  }

  @Test
  void rejectsInvalidFields() {
    List<FirEntry> one = List.of(new FirEntry(1, 1));
    assertThatThrownBy(() -> new FullIntraRequest(1, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one entry");
    assertThatThrownBy(() -> new FullIntraRequest(1L << 32, one))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("senderSsrc");
    assertThatThrownBy(() -> new FullIntraRequest(1, -1, one))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mediaSsrc");
    assertThatThrownBy(() -> new FullIntraRequest(1, 0, one, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32-bit words");
    assertThatThrownBy(
            () ->
                new FullIntraRequest(
                    1, Collections.nCopies(FullIntraRequest.MAX_ENTRIES + 1, one.get(0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("entries");
    assertThatThrownBy(() -> new FirEntry(-1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ssrc");
    assertThatThrownBy(() -> new FirEntry(0, 256))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sequenceNumber");
  }

}
