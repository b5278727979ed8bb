package org.ortc4j.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ortc4j.rtcp.RtcpParseException.Reason;

class PictureLossIndicationTest {
  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of(
            "Pion picture_loss_indication_test.go, 'valid'",
            """
            81 ce 0002   # V=2 FMT=1 PSFB length 2
            00000000     # sender SSRC
            4bc4fcb4     # media SSRC
            """,
            new PictureLossIndication(0, 0x4bc4fcb4L)),
        Arguments.of(
            "libwebrtc rtcp_packet/pli_unittest.cc kPacket",
            "81 ce 0002  12345678  23456789",
            new PictureLossIndication(0x12345678L, 0x23456789L)),
        Arguments.of(
            "all-ones SSRCs",
            "81 ce 0002  ffffffff  ffffffff",
            new PictureLossIndication(0xffff_ffffL, 0xffff_ffffL)),
        Arguments.of(
            "padded",
            """
            a1 ce 0004   # P=1 FMT=1 PSFB length 4
            12345678  23456789
            00000000 00000008   # 8 bytes of padding
            """,
            new PictureLossIndication(0x12345678L, 0x23456789L, 8)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void parsesAndSerializesBack(String name, String hex, PictureLossIndication expected)
      throws Exception {
    RtcpFixtures.assertParsesTo(Hex.bytes(hex), expected);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(
            "libwebrtc pli_unittest.cc kTooSmallPacket: no media SSRC",
            "81 ce 0001  12345678",
            Reason.TOO_SHORT),
        Arguments.of("no body at all", "81 ce 0000", Reason.TOO_SHORT),
        Arguments.of(
            "padding eats the media SSRC", "a1 ce 0002  12345678  00000004", Reason.TOO_SHORT),
        Arguments.of(
            "FCI bytes after the media SSRC", "81 ce 0003  12345678 23456789 00000000",
            Reason.BAD_LENGTH),
        Arguments.of(
            "length past the input", "81 ce 0003  12345678 23456789", Reason.BAD_LENGTH),
        Arguments.of("padding count 0", "a1 ce 0003  12345678 23456789 00000000",
            Reason.BAD_PADDING),
        Arguments.of(
            "Pion 'invalid header': version 0", "00000000 00000000 00000000", Reason.BAD_VERSION));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void rejectsMalformedInput(String name, String hex, Reason reason) {
    assertThat(RtcpFixtures.parseFailure(Hex.bytes(hex))).isEqualTo(reason);
  }

  @Test
  void decoderRejectsAnotherFormat() {
    byte[] body = Hex.bytes("12345678 23456789");
    assertThatThrownBy(() -> PictureLossIndication.parseBody(2, RtcpFixtures.reader(body), 0))
        .isInstanceOfSatisfying(
            RtcpParseException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_TYPE));
  }

  @Test
  void describesItself() {
    PictureLossIndication pli = new PictureLossIndication(1, 2);
    assertThat(pli.packetType()).isEqualTo(206);
    assertThat(pli.countOrFormat()).isEqualTo(1);
    assertThat(pli.padding()).isZero();
    assertThat(pli.destinationSsrcs()).containsExactly(2L);
    assertThat(pli.serialize()).isEqualTo(Hex.bytes("81 ce 0002 00000001 00000002"));
  }

  @Test
  void serializesAtAnOffset() {
    byte[] destination = new byte[16];
    assertThat(new PictureLossIndication(1, 2).serialize(destination, 4)).isEqualTo(12);
    assertThat(destination).isEqualTo(Hex.bytes("00000000 81ce0002 00000001 00000002"));
  }

  @Test
  void rejectsInvalidFields() {
    assertThatThrownBy(() -> new PictureLossIndication(-1, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("senderSsrc");
    assertThatThrownBy(() -> new PictureLossIndication(1, 1L << 32))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mediaSsrc");
    assertThatThrownBy(() -> new PictureLossIndication(1, 2, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32-bit words");
    assertThatThrownBy(() -> new PictureLossIndication(1, 2, 256))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("padding");
  }


  @Test
  void generatorsCoverEveryOwnedType() {
    Random random = new Random(7);
    assertThat(
            PayloadFeedbackRandom.GENERATORS.stream()
                .<Class<?>>map(generator -> generator.apply(random).getClass()))
        .containsExactly(
            PictureLossIndication.class,
            SliceLossIndication.class,
            FullIntraRequest.class,
            ReceiverEstimatedMaxBitrate.class,
            ExtendedReport.class);
  }
}
