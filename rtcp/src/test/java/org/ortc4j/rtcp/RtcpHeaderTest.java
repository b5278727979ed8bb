package org.ortc4j.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RtcpHeaderTest {
  @Test
  void readsTheCommonHeader() throws Exception {
    byte[] wire = Hex.bytes("a5 cb 0001  00000000");
    RtcpHeader header = RtcpHeader.read(wire, 0, wire.length);
    assertThat(header).isEqualTo(new RtcpHeader(true, 5, 203, 1));
    assertThat(header.packetSize()).isEqualTo(8);
  }

  @Test
  void rejectsWhatIsNotAHeader() {
    assertReason(Hex.bytes("80c9"), RtcpParseException.Reason.TOO_SHORT);
    assertReason(Hex.bytes("40c9 0000"), RtcpParseException.Reason.BAD_VERSION);
    assertReason(Hex.bytes("c0c9 0000"), RtcpParseException.Reason.BAD_VERSION);
    assertReason(Hex.bytes("80c9 0001 0000"), RtcpParseException.Reason.BAD_LENGTH);
  }

  @Test
  void constructorChecksFieldRanges() {
    assertThatThrownBy(() -> new RtcpHeader(false, 32, 200, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RtcpHeader(false, 0, 256, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RtcpHeader(false, 0, 200, 65536))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void namesPacketTypesForLogs() {
    assertThat(RtcpPacketType.name(200)).isEqualTo("SR");
    assertThat(RtcpPacketType.name(201)).isEqualTo("RR");
    assertThat(RtcpPacketType.name(202)).isEqualTo("SDES");
    assertThat(RtcpPacketType.name(203)).isEqualTo("BYE");
    assertThat(RtcpPacketType.name(204)).isEqualTo("APP");
    assertThat(RtcpPacketType.name(205)).isEqualTo("RTPFB");
    assertThat(RtcpPacketType.name(206)).isEqualTo("PSFB");
    assertThat(RtcpPacketType.name(207)).isEqualTo("XR");
    assertThat(RtcpPacketType.name(195)).isEqualTo("PT=195");
  }

  private static void assertReason(byte[] wire, RtcpParseException.Reason reason) {
    assertThatThrownBy(() -> RtcpHeader.read(wire, 0, wire.length))
        .isInstanceOfSatisfying(
            RtcpParseException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
