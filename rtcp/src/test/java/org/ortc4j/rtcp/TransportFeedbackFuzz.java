package org.ortc4j.rtcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;

/**
 * Damages valid RTPFB packets at random: the parser must either reject them with {@link
 * RtcpParseException} or accept them and serialize them back byte for byte (padding content aside).
 */
final class TransportFeedbackFuzz {
  private TransportFeedbackFuzz() {}

  static void check(Function<Random, RtcpPacket> generator, long seed, int rounds) {
    Random random = new Random(seed);
    for (int round = 0; round < rounds; round++) {
      byte[] wire = mutate(random, generator.apply(random).serialize());
      try {
        RtcpPacket packet = RtcpPacket.parse(wire);
        assertThat(packet.serialize()).as(Hex.of(wire)).isEqualTo(zeroPadding(wire, packet));
      } catch (RtcpParseException expected) {
        assertThat(expected.reason()).isNotNull();
      }
    }
  }

  /**
   * The framing accepts any padding bytes before the count and writes zeros (RFC 3550 leaves their
   * values open), so only the content and the count byte must come back unchanged.
   */
  private static byte[] zeroPadding(byte[] wire, RtcpPacket packet) {
    byte[] copy = wire.clone();
    if (packet.padding() > 1) {
      Arrays.fill(copy, copy.length - packet.padding(), copy.length - 1, (byte) 0);
    }
    return copy;
  }

  private static byte[] mutate(Random random, byte[] wire) {
    switch (random.nextInt(4)) {
      case 0:
        return flipBytes(random, wire);
      case 1:
        return truncate(random, wire);
      case 2:
        return pad(random, wire);
      default:
        return flipBytes(random, truncate(random, wire));
    }
  }

  /** Random bytes after the common header take random values. */
  private static byte[] flipBytes(Random random, byte[] wire) {
    byte[] copy = wire.clone();
    if (copy.length > 4) {
      for (int i = 0; i < 1 + random.nextInt(3); i++) {
        copy[4 + random.nextInt(copy.length - 4)] = (byte) random.nextInt(256);
      }
    }
    return copy;
  }

  /** Cut to fewer words, with the length field (and the P bit) telling the truth or not. */
  private static byte[] truncate(Random random, byte[] wire) {
    int words = 1 + random.nextInt(wire.length / 4);
    byte[] copy = Arrays.copyOf(wire, words * 4);
    if (random.nextBoolean()) {
      copy[2] = (byte) ((words - 1) >>> 8);
      copy[3] = (byte) (words - 1);
    }
    if (random.nextBoolean()) {
      copy[0] = (byte) (copy[0] & ~0x20);
    }
    return copy;
  }

  /** Set the P bit and make the last byte a random padding count. */
  private static byte[] pad(Random random, byte[] wire) {
    byte[] copy = wire.clone();
    copy[0] = (byte) (copy[0] | 0x20);
    copy[copy.length - 1] = (byte) random.nextInt(16);
    return copy;
  }
}
