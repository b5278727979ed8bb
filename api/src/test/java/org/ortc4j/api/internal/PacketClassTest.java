package org.ortc4j.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every boundary of the RFC 7983 first-byte ranges, and of the RFC 5761 RTCP types. */
class PacketClassTest {
  @ParameterizedTest(name = "first byte {0} -> {1}")
  @CsvSource({
      "0, OTHER", "3, OTHER", // STUN: the ICE layer takes real STUN before us
      "4, OTHER", "15, OTHER", // unassigned
      "16, OTHER", "19, OTHER", // ZRTP
      "20, DTLS", "63, DTLS",
      "64, OTHER", "79, OTHER", // TURN channel
      "80, OTHER", "127, OTHER", // unassigned
      "128, RTP", "191, RTP",
      "192, OTHER", "255, OTHER"})
  void firstByteRanges(int first, PacketClass expected) {
    byte[] datagram = {(byte) first, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 42};
    assertThat(PacketClass.of(datagram, 0, datagram.length)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "second byte {0} -> {1}")
  @CsvSource({"0, RTP", "127, RTP", "191, RTP", "192, RTCP", "200, RTCP", "223, RTCP",
      "224, RTP", "255, RTP"})
  void rtcpIsToldByItsPacketType(int second, PacketClass expected) {
    byte[] datagram = {(byte) 0x80, (byte) second, 0, 1};
    assertThat(PacketClass.of(datagram, 0, datagram.length)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"an empty datagram, 0, OTHER", "an RTP first byte alone, 1, OTHER",
      "a DTLS first byte alone, 1, DTLS"})
  void tooShortToTell(String name, int length, PacketClass expected) {
    byte first = (byte) (expected == PacketClass.DTLS ? 22 : 0x80);
    byte[] buf = {0x7F, first, (byte) 200};
    assertThat(PacketClass.of(buf, 1, length)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "at offset {0}")
  @CsvSource({"0", "1", "7"})
  void readsFromTheOffset(int offset) {
    byte[] buf = new byte[offset + 2];
    buf[offset] = (byte) 0x81;
    buf[offset + 1] = (byte) 201; // RR
    assertThat(PacketClass.of(buf, offset, 2)).isEqualTo(PacketClass.RTCP);
    buf[offset] = 23;
    assertThat(PacketClass.of(buf, offset, 2)).isEqualTo(PacketClass.DTLS);
  }
}
