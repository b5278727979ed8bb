package org.ortc4j.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of each packet type, over random valid packets of that type (seeded): round trips,
 * every truncation rejected, corrupted bytes rejected or parsed to a packet that is stable.
 */
class PacketTypePropertyTest {
  static Stream<Arguments> generators() {
    Random random = new Random(1);
    return IntStream.range(0, AllPacketsRandom.GENERATORS.size())
        .mapToObj(
            index ->
                Arguments.of(
                    AllPacketsRandom.GENERATORS.get(index).apply(random).getClass().getSimpleName(),
                    index));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("generators")
  void randomPacketsRoundTrip(String type, int index) throws Exception {
    Function<Random, RtcpPacket> generator = AllPacketsRandom.GENERATORS.get(index);
    Random random = new Random(3550L * 31 + index);
    for (int i = 0; i < 2_000; i++) {
      RtcpPacket packet = generator.apply(random);
      byte[] wire = packet.serialize();
      assertThat(wire).hasSize(packet.serializedLength());
      RtcpPacket parsed = RtcpPacket.parse(wire);
      assertThat(parsed).isEqualTo(packet).hasSameHashCodeAs(packet);
      assertThat(parsed.serialize()).isEqualTo(wire);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("generators")
  void everyTruncationIsRejectedWithAParseException(String type, int index) {
    Function<Random, RtcpPacket> generator = AllPacketsRandom.GENERATORS.get(index);
    Random random = new Random(6 + index);
    for (int i = 0; i < 50; i++) {
      byte[] wire = generator.apply(random).serialize();
      for (int length = 0; length < wire.length; length++) {
        byte[] cut = Arrays.copyOf(wire, length);
        assertThatThrownBy(() -> RtcpPacket.parse(cut)).isInstanceOf(RtcpParseException.class);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("generators")
  void corruptedBytesParseOrFailCleanly(String type, int index) throws Exception {
    Function<Random, RtcpPacket> generator = AllPacketsRandom.GENERATORS.get(index);
    Random random = new Random(60 + index);
    for (int i = 0; i < 2_000; i++) {
      byte[] wire = generator.apply(random).serialize();
      for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
        wire[random.nextInt(wire.length)] ^= (byte) (1 << random.nextInt(8));
      }
      try {
        List<RtcpPacket> packets = RtcpCompound.parse(wire);
        // not always the same bytes: RTCP padding octets other than the last are ignored
        assertThat(RtcpCompound.parse(RtcpCompound.serialize(packets))).isEqualTo(packets);
      } catch (RtcpParseException expected) {
        assertThat(expected.reason()).isNotNull();
      }
    }
  }
}
