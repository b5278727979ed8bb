package org.ortc4j.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RawPacketTest {
  @Test
  void unknownPacketTypeIsKeptRawAndRoundTrips() throws Exception {
    byte[] wire =
        Hex.bytes(
            """
            81 c3 0002   # V=2 count=1 PT=195 (IJ), length 2
            11223344 55667788
            """);
    RtcpPacket packet = RtcpPacket.parse(wire);
    assertThat(packet).isEqualTo(new RawPacket(195, 1, Hex.bytes("11223344 55667788"), 0));
    assertThat(packet.serialize()).isEqualTo(wire);
    assertThat(packet.destinationSsrcs()).isEmpty();
  }

  @Test
  void paddingIsKept() throws Exception {
    byte[] wire = Hex.bytes("a0 d2 0002  11223344  00000004"); // P=1, PT=210, padding 4
    RawPacket packet = (RawPacket) RtcpPacket.parse(wire);
    assertThat(packet.padding()).isEqualTo(4);
    assertThat(packet.body()).isEqualTo(Hex.bytes("11223344"));
    assertThat(packet.serialize()).isEqualTo(wire);
  }

  @Test
  void bodyIsCopiedInAndOut() {
    byte[] body = Hex.bytes("01020304");
    RawPacket packet = new RawPacket(210, 0, body, 0);
    body[0] = 9;
    packet.body()[1] = 9;
    assertThat(packet.body()).isEqualTo(Hex.bytes("01020304"));
  }

  @Test
  void rejectsBodyAndPaddingThatDoNotFillWords() {
    assertThatThrownBy(() -> new RawPacket(210, 0, new byte[3], 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whole words");
    assertThatThrownBy(() -> new RawPacket(210, 32, new byte[4], 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("countOrFormat");
  }
}
