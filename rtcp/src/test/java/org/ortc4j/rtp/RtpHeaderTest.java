package org.ortc4j.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ortc4j.rtcp.Hex;
import org.ortc4j.rtp.RtpParseException.Reason;

class RtpHeaderTest {
  private static final RtpHeader PLAIN = new RtpHeader(false, 96, 1, 2, 3);

  @Test
  void parsesOnlyTheHeaderAndIgnoresPaddingAndPayload() throws Exception {
    byte[] wire =
        Hex.bytes(
            """
            b1 e0 0001 00000002 00000003   # P=1 X=1 CC=1, M=1 PT=96
            00000004                       # CSRC
            bede 0001 10 aa 0000           # id 1: aa
            ffffffff 00                    # payload and a padding count of 0 (not looked at)
            """);
    RtpHeader header = RtpHeader.parse(wire);
    assertThat(header)
        .isEqualTo(
            new RtpHeader(
                true,
                96,
                1,
                2,
                3,
                List.of(4L),
                RtpHeaderExtension.oneByte(List.of(new RtpExtensionElement(1, Hex.bytes("aa"))))));
    assertThat(header.headerLength()).isEqualTo(24);
    assertThat(Hex.of(header.serialize()))
        .as("P is the packet's: a header writes it clear")
        .isEqualTo(Hex.of(Arrays.copyOf(wire, 24)).replaceFirst("b1", "91"));
    assertThat(RtpHeader.parse(wire, 0, 24)).isEqualTo(header);
  }

  static Stream<Arguments> malformedHeaders() {
    return Stream.of(
        arguments("80 00 0000 00000000 000000", Reason.TOO_SHORT),
        arguments("00 00 0000 00000000 00000000", Reason.BAD_VERSION),
        arguments("83 00 0000 00000000 00000000 00000000 00000000", Reason.BAD_CSRC_COUNT),
        arguments("90 00 0000 00000000 00000000 bede 0001", Reason.BAD_EXTENSION),
        arguments("90 00 0000 00000000 00000000 bede 0001 10 aa 10 bb", Reason.BAD_EXTENSION));
  }

  @ParameterizedTest
  @MethodSource("malformedHeaders")
  void rejectsMalformedHeaders(String hex, Reason reason) {
    assertThatThrownBy(() -> RtpHeader.parse(Hex.bytes(hex)))
        .isInstanceOfSatisfying(
            RtpParseException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  @Test
  void parseRejectsRangesOutsideTheBuffer() {
    assertThatThrownBy(() -> RtpHeader.parse(new byte[12], 1, 12))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void serializesAtAnOffsetAndChecksRoom() {
    byte[] destination = new byte[16];
    assertThat(PLAIN.serialize(destination, 2)).isEqualTo(12);
    assertThat(Hex.of(destination)).isEqualTo("0000" + "8060000100000002" + "00000003" + "0000");
    assertThatThrownBy(() -> PLAIN.serialize(destination, 5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static Stream<Arguments> invalidFields() {
    return Stream.of(
        arguments(
            "payloadType",
            (ThrowingCallable) () -> new RtpHeader(false, 128, 0, 0, 0)),
        arguments("payloadType", (ThrowingCallable) () -> new RtpHeader(false, -1, 0, 0, 0)),
        arguments(
            "sequenceNumber", (ThrowingCallable) () -> new RtpHeader(false, 0, 65536, 0, 0)),
        arguments("sequenceNumber", (ThrowingCallable) () -> new RtpHeader(false, 0, -1, 0, 0)),
        arguments("timestamp", (ThrowingCallable) () -> new RtpHeader(false, 0, 0, -1, 0)),
        arguments(
            "timestamp", (ThrowingCallable) () -> new RtpHeader(false, 0, 0, 1L << 32, 0)),
        arguments("ssrc", (ThrowingCallable) () -> new RtpHeader(false, 0, 0, 0, 1L << 32)),
        arguments(
            "csrcs is null",
            (ThrowingCallable) () -> new RtpHeader(false, 0, 0, 0, 0, null, null)),
        arguments(
            "csrcs hold a null",
            (ThrowingCallable)
                () -> new RtpHeader(false, 0, 0, 0, 0, Arrays.asList(1L, null), null)),
        arguments(
            "csrc",
            (ThrowingCallable) () -> new RtpHeader(false, 0, 0, 0, 0, List.of(1L << 32), null)),
        arguments(
            "at most 15",
            (ThrowingCallable)
                () ->
                    new RtpHeader(
                        false, 0, 0, 0, 0, LongStream.range(0, 16).boxed().toList(), null)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidFields")
  void constructorRejectsFieldsOutOfRange(String field, ThrowingCallable construction) {
    assertThatThrownBy(construction)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(field);
  }

  @Test
  void constructorCopiesTheCsrcList() {
    List<Long> csrcs = new ArrayList<>(List.of(1L, 2L));
    RtpHeader header = new RtpHeader(false, 0, 0, 0, 0, csrcs, null);
    csrcs.add(3L);
    assertThat(header.csrcs()).containsExactly(1L, 2L);
    assertThatThrownBy(() -> header.csrcs().add(4L))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(header.headerLength()).isEqualTo(20);
  }

  @Test
  void convenienceConstructorHasNoCsrcsAndNoExtension() {
    assertThat(PLAIN.csrcs()).isEmpty();
    assertThat(PLAIN.extension()).isNull();
    assertThat(PLAIN.hasExtension()).isFalse();
    assertThat(PLAIN.headerLength()).isEqualTo(RtpHeader.FIXED_LENGTH);
  }

  @Test
  void withExtensionCreatesTheSmallestFormThatFits() {
    RtpHeader small = PLAIN.withExtension(3, Hex.bytes("aabb"));
    assertThat(small.hasExtension()).isTrue();
    assertThat(small.extension().form()).isEqualTo(RtpHeaderExtension.Form.ONE_BYTE);
    assertThat(small.extension(3)).hasValueSatisfying(d -> assertThat(d).isEqualTo(Hex.bytes("aabb")));
    assertThat(small.extension(4)).isEmpty();

    RtpHeader large = PLAIN.withExtension(3, new byte[17]);
    assertThat(large.extension().form()).isEqualTo(RtpHeaderExtension.Form.TWO_BYTE);
    RtpHeader highId = PLAIN.withExtension(15, Hex.bytes("01"));
    assertThat(highId.extension().form()).isEqualTo(RtpHeaderExtension.Form.TWO_BYTE);
    RtpHeader empty = PLAIN.withExtension(2, new byte[0]);
    assertThat(empty.extension().form()).isEqualTo(RtpHeaderExtension.Form.TWO_BYTE);
  }

  @Test
  void withExtensionAddsAndReplacesInPlace() {
    RtpHeader header =
        PLAIN
            .withExtension(1, Hex.bytes("01"))
            .withExtension(2, Hex.bytes("02"))
            .withExtension(1, Hex.bytes("1111"));
    assertThat(header.extension().elements())
        .containsExactly(
            new RtpExtensionElement(1, Hex.bytes("1111")),
            new RtpExtensionElement(2, Hex.bytes("02")));
    assertThat(header.marker()).isFalse();
    assertThat(header.payloadType()).isEqualTo(96);
    assertThat(header.ssrc()).isEqualTo(3);
  }

  @Test
  void withExtensionKeepsTheExistingFormAndSaysWhenAnElementDoesNotFit() {
    RtpHeader oneByte = PLAIN.withExtension(1, Hex.bytes("01"));
    assertThatThrownBy(() -> oneByte.withExtension(1, new byte[17]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not fit the one-byte form")
        .hasMessageContaining("toTwoByteForm");
    RtpHeader promoted =
        oneByte.withHeaderExtension(oneByte.extension().toTwoByteForm()).withExtension(1, new byte[17]);
    assertThat(promoted.extension(1)).hasValueSatisfying(d -> assertThat(d).hasSize(17));

    RtpHeader generic =
        PLAIN.withHeaderExtension(RtpHeaderExtension.generic(1, new byte[4]));
    assertThatThrownBy(() -> generic.withExtension(1, Hex.bytes("01")))
        .isInstanceOf(IllegalStateException.class);
    assertThat(generic.extension(1)).isEmpty();
    assertThat(generic.withoutExtension(1)).isSameAs(generic);
  }

  @Test
  void withoutExtensionRemovesTheElementAndTheExtensionWithItsLastElement() {
    RtpHeader two = PLAIN.withExtension(1, Hex.bytes("01")).withExtension(2, Hex.bytes("02"));
    RtpHeader one = two.withoutExtension(1);
    assertThat(one.extension().elements()).containsExactly(new RtpExtensionElement(2, Hex.bytes("02")));
    assertThat(one.withoutExtension(7)).isSameAs(one);
    RtpHeader none = one.withoutExtension(2);
    assertThat(none.extension()).isNull();
    assertThat(none).isEqualTo(PLAIN);
    assertThat(PLAIN.withoutExtension(1)).isSameAs(PLAIN);
    assertThat(PLAIN.extension(1)).isEmpty();
  }
}
