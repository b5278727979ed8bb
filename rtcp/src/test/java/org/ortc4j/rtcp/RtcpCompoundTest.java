package org.ortc4j.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ortc4j.rtcp.RtcpParseException.Reason;

class RtcpCompoundTest {
  private static final String RR_EMPTY = "80c9 0001 11223344"; // RR, no report blocks
  private static final String PLI = "81ce 0002 11223344 55667788"; // PSFB FMT=1
  private static final String PADDED_RAW = "a0d2 0002 01020304 00000004"; // PT 210, 4 padding

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("empty input", "", Reason.TOO_SHORT),
        Arguments.of("two bytes", "80c9", Reason.TOO_SHORT),
        Arguments.of("version 1", "40c9 0001 11223344", Reason.BAD_VERSION),
        Arguments.of("version 3", "c0c9 0001 11223344", Reason.BAD_VERSION),
        Arguments.of("length past the end", "80c9 0002 11223344", Reason.BAD_LENGTH),
        Arguments.of("second packet truncated", RR_EMPTY + "81ce 0002 11223344", Reason.BAD_LENGTH),
        Arguments.of("two stray bytes after a packet", RR_EMPTY + "81ce", Reason.TOO_SHORT),
        Arguments.of("padding count 0", "a0d2 0001 01020300", Reason.BAD_PADDING),
        Arguments.of("padding count beyond the packet", "a0d2 0001 01020309", Reason.BAD_PADDING),
        Arguments.of("padding count eats the header", "a0d2 0001 01020305", Reason.BAD_PADDING));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void rejectsMalformedInput(String name, String hex, Reason reason) {
    byte[] wire = Hex.bytes(hex);
    assertThatThrownBy(() -> RtcpCompound.parse(wire))
        .isInstanceOfSatisfying(
            RtcpParseException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  @Test
  void paddingThatFillsTheWholeBodyIsAccepted() throws Exception {
    byte[] wire = Hex.bytes("a0d2 0001 00000004");
    RawPacket packet = (RawPacket) RtcpPacket.parse(wire);
    assertThat(packet.body()).isEmpty();
    assertThat(packet.serialize()).isEqualTo(wire);
  }

  @Test
  void parsesPacketsInOrderAndSerializesThemBack() throws Exception {
    byte[] wire = Hex.bytes(RR_EMPTY + PLI + PADDED_RAW);
    List<RtcpPacket> packets = RtcpCompound.parse(wire);
    assertThat(packets)
        .extracting(RtcpPacket::packetType)
        .containsExactly(201, 206, 210);
    assertThat(RtcpCompound.serialize(packets)).isEqualTo(wire);
    assertThat(RtcpCompound.serializedLength(packets)).isEqualTo(wire.length);
  }

  @Test
  void parsesARangeOfALargerBuffer() throws Exception {
    byte[] wire = Hex.bytes("ffff" + PLI + "ffff");
    List<RtcpPacket> packets = RtcpCompound.parse(wire, 2, wire.length - 4);
    assertThat(packets).hasSize(1);
    assertThat(packets.get(0).destinationSsrcs()).containsExactly(0x55667788L);
  }

  @Test
  void rejectsRangesOutsideTheBuffer() {
    byte[] wire = Hex.bytes(PLI);
    assertThatThrownBy(() -> RtcpCompound.parse(wire, 4, wire.length))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RtcpCompound.parse(wire, -1, 4))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RtcpPacket.parse(wire, 0, wire.length + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rfc3550ValidationWantsAReportFirst() throws Exception {
    byte[] reducedSize = Hex.bytes(PLI);
    assertThat(RtcpCompound.parse(reducedSize, 0, reducedSize.length, CompoundValidation.REDUCED_SIZE))
        .hasSize(1);
    assertThatThrownBy(
            () -> RtcpCompound.parse(reducedSize, 0, reducedSize.length, CompoundValidation.RFC3550))
        .isInstanceOfSatisfying(
            RtcpParseException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_COMPOUND));
    byte[] compound = Hex.bytes(RR_EMPTY + PLI);
    assertThat(RtcpCompound.parse(compound, 0, compound.length, CompoundValidation.RFC3550))
        .hasSize(2);
  }

  @Test
  void validationAllowsPaddingOnlyOnTheLastPacket() throws Exception {
    byte[] paddedLast = Hex.bytes(RR_EMPTY + PADDED_RAW);
    assertThat(RtcpCompound.parse(paddedLast, 0, paddedLast.length, CompoundValidation.RFC3550))
        .hasSize(2);
    byte[] paddedFirst = Hex.bytes(PADDED_RAW + RR_EMPTY);
    assertThat(RtcpCompound.parse(paddedFirst)).hasSize(2);
    for (CompoundValidation validation :
        List.of(CompoundValidation.REDUCED_SIZE, CompoundValidation.RFC3550)) {
      assertThatThrownBy(() -> RtcpCompound.parse(paddedFirst, 0, paddedFirst.length, validation))
          .isInstanceOfSatisfying(
              RtcpParseException.class,
              e -> assertThat(e.reason()).isIn(Reason.PADDING_NOT_LAST, Reason.NOT_COMPOUND));
    }
    assertThatThrownBy(
            () ->
                RtcpCompound.parse(
                    paddedFirst, 0, paddedFirst.length, CompoundValidation.REDUCED_SIZE))
        .isInstanceOfSatisfying(
            RtcpParseException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.PADDING_NOT_LAST));
  }

  @Test
  void singlePacketParseWantsExactlyOnePacket() {
    byte[] two = Hex.bytes(RR_EMPTY + PLI);
    assertThatThrownBy(() -> RtcpPacket.parse(two))
        .isInstanceOfSatisfying(
            RtcpParseException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_LENGTH));
  }

  @Test
  void serializeChecksTheRoomLeft() throws Exception {
    List<RtcpPacket> packets = RtcpCompound.parse(Hex.bytes(RR_EMPTY + PLI));
    assertThatThrownBy(() -> RtcpCompound.serialize(packets, new byte[19], 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> packets.get(1).serialize(new byte[12], 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no room");
    byte[] room = new byte[24];
    assertThat(RtcpCompound.serialize(packets, room, 4)).isEqualTo(20);
    assertThat(Hex.of(room)).isEqualTo("00000000" + Hex.of(Hex.bytes(RR_EMPTY + PLI)));
  }

  @Test
  void destinationSsrcsAreListedOnceInOrder() throws Exception {
    List<RtcpPacket> packets =
        RtcpCompound.parse(Hex.bytes(PLI + "81ce 0002 99999999 01020304" + PLI));
    assertThat(RtcpCompound.destinationSsrcs(packets)).containsExactly(0x55667788L, 0x01020304L);
  }

  @Test
  void theParsedListIsImmutable() throws Exception {
    List<RtcpPacket> packets = RtcpCompound.parse(Hex.bytes(PLI));
    assertThatThrownBy(() -> packets.add(packets.get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
