package org.ortc4j.ice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Address text and the RFC 7983 first-byte demultiplexing. */
class InternalHelpersTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "127.0.0.1, 127.0.0.1",
    "::1, ::1",
    "0:0:0:0:0:0:0:0, ::",
    "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
    "fe80:0:0:0:0:0:0:1, fe80::1",
    "1:0:1:0:1:0:1:0, 1:0:1:0:1:0:1:0",
  })
  void writesAddressesAsSignallingDoes(String literal, String text) throws Exception {
    assertThat(Addresses.toText(InetAddress.getByName(literal))).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "000100002112a442000000000000000000000000, true, false",      // Binding request
    "0101000021120000a442000000000000000000000000, false, false", // wrong cookie position
    "000100002112a44200000000000000000000000000, true, false",    // valid header, 21 bytes
    "000100002112a442000000000000000000, false, false",          // truncated (17 bytes)
    "80e0000100000000, false, false",                             // RTP
    "4000000400000000, false, true",                              // ChannelData 0x4000
    "16fefd0000, false, false",                                   // DTLS
  })
  void tellsStunAndChannelDataFromMedia(String hex, boolean stun, boolean channelData) {
    byte[] b = java.util.HexFormat.of().parseHex(hex);
    assertThat(StunPackets.isStun(b, 0, b.length)).isEqualTo(stun);
    assertThat(StunPackets.isChannelData(b, 0, b.length)).isEqualTo(channelData);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"127.0.0.1, true", "::1, true", "[::1], true", "host.local, false",
      "example.org, false", "abcd.local, false"})
  void usesOnlyLiteralRemoteAddresses(String text, boolean literal) {
    assertThat(Candidates.literal(text)).matches(o -> o.isPresent() == literal);
  }
}
