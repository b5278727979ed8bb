package org.ortc4j.rtcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Properties over many random inputs (seeded, so a failure reproduces): valid packets survive a
 * round trip, and no input makes a parser fail with anything but {@link RtcpParseException}.
 */
class RtcpPropertyTest {
  private static final int CASES = 100_000;

  @Test
  void randomValidPacketsRoundTrip() throws Exception {
    Random random = new Random(0x5eed_0001L);
    for (int i = 0; i < CASES; i++) {
      Function<Random, RtcpPacket> generator =
          AllPacketsRandom.GENERATORS.get(i % AllPacketsRandom.GENERATORS.size());
      RtcpPacket packet = generator.apply(random);
      byte[] wire = packet.serialize();
      assertThat(wire).hasSize(packet.serializedLength());
      RtcpPacket parsed = RtcpPacket.parse(wire);
      assertThat(parsed).as("case %d: %s", i, packet).isEqualTo(packet);
      assertThat(parsed.serialize()).isEqualTo(wire);
      assertThat(parsed.hashCode()).isEqualTo(packet.hashCode());
    }
  }

  @Test
  void randomCompoundsRoundTrip() throws Exception {
    Random random = new Random(0x5eed_0002L);
    for (int i = 0; i < CASES / 10; i++) {
      List<RtcpPacket> packets = AllPacketsRandom.compound(random);
      byte[] wire = RtcpCompound.serialize(packets);
      List<RtcpPacket> parsed = RtcpCompound.parse(wire);
      assertThat(parsed).as("case %d", i).isEqualTo(packets);
      assertThat(RtcpCompound.serialize(parsed)).isEqualTo(wire);
    }
  }

  @Test
  void randomBytesParseOrFailWithAParseException() {
    Random random = new Random(0x5eed_0003L);
    for (int i = 0; i < CASES; i++) {
      byte[] bytes = new byte[random.nextInt(80)];
      random.nextBytes(bytes);
      if (bytes.length > 0 && random.nextBoolean()) {
        bytes[0] = (byte) (0x80 | (bytes[0] & 0x3f)); // version 2, to get past the first check
      }
      if (bytes.length > 1 && random.nextBoolean()) {
        bytes[1] = (byte) (200 + random.nextInt(8)); // a known packet type
      }
      assertParsesOrFailsCleanly(bytes);
    }
  }

  @Test
  void mutatedValidCompoundsParseOrFailWithAParseException() throws Exception {
    Random random = new Random(0x5eed_0004L);
    for (int i = 0; i < CASES; i++) {
      byte[] bytes = RtcpCompound.serialize(AllPacketsRandom.compound(random));
      mutate(bytes, random);
      int length = random.nextInt(4) == 0 ? random.nextInt(bytes.length + 1) : bytes.length;
      byte[] input = java.util.Arrays.copyOf(bytes, length);
      assertParsesOrFailsCleanly(input);
    }
  }

  private static void mutate(byte[] bytes, Random random) {
    int flips = 1 + random.nextInt(4);
    for (int f = 0; f < flips; f++) {
      int at = random.nextInt(bytes.length);
      switch (random.nextInt(3)) {
        case 0:
          bytes[at] ^= (byte) (1 << random.nextInt(8));
          break;
        case 1:
          bytes[at] = (byte) random.nextInt(256);
          break;
        default:
          bytes[at] = (byte) (random.nextBoolean() ? 0 : 0xff);
      }
    }
  }

  /**
   * Parsing succeeds or throws {@link RtcpParseException}; any other throwable fails the test. A
   * successful parse is stable: its serialization parses to equal packets.
   */
  private static void assertParsesOrFailsCleanly(byte[] input) {
    List<RtcpPacket> packets;
    try {
      packets = RtcpCompound.parse(input);
    } catch (RtcpParseException expected) {
      assertThat(expected.reason()).isNotNull();
      return;
    }
    byte[] again = RtcpCompound.serialize(packets);
    try {
      assertThat(RtcpCompound.parse(again)).as(Hex.of(input)).isEqualTo(packets);
    } catch (RtcpParseException e) {
      throw new AssertionError("re-serialized packets of " + Hex.of(input) + " do not parse", e);
    }
  }
}
