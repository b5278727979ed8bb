package org.ortc4j.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ortc4j.rtcp.RtcpParseException.Reason;

class TransportLayerNackTest {
  static Stream<Arguments> validPackets() {
    return Stream.of(
        Arguments.of(
            // pion/rtcp transport_layer_nack_test.go, "valid"
            """
            81 cd 0003   # V=2 FMT=1 PT=205 length 3
            902f9e2e     # sender SSRC
            902f9e2e     # media SSRC
            aaaa 5555    # PID 0xaaaa, BLP 0x5555
            """,
            new TransportLayerNack(
                0x902f9e2eL, 0x902f9e2eL, List.of(new NackPair(0xaaaa, 0x5555)))),
        Arguments.of(
            // pion/rtcp transport_layer_nack_test.go, round trip of {1, 0xAA}, {1034, 0x05}
            """
            81 cd 0004
            902f9e2e 902f9e2e
            0001 00aa    # PID 1
            040a 0005    # PID 1034
            """,
            new TransportLayerNack(
                0x902f9e2eL,
                0x902f9e2eL,
                List.of(new NackPair(1, 0xaa), new NackPair(1034, 0x05)))),
        Arguments.of(
            """
            a1 cd 0005   # P=1
            00000001 ffffffff
            ffff 8001    # PID 65535, BLP: 0 and 15 (wraps)
            00000000     # padding 8
            00000008
            """,
            new TransportLayerNack(1, 0xffffffffL, List.of(new NackPair(0xffff, 0x8001)), 8)));
  }

  @ParameterizedTest
  @MethodSource("validPackets")
  void parsesAndSerializesValidPackets(String hex, TransportLayerNack expected) throws Exception {
    RtcpFixtures.assertParsesTo(Hex.bytes(hex), expected);
  }

  static Stream<Arguments> invalidPackets() {
    return Stream.of(
        // pion "short report": the length says 12 bytes, 8 are there
        Arguments.of("81 cd 0002  902f9e2e", Reason.BAD_LENGTH),
        Arguments.of("81 cd 0001  902f9e2e   # no media SSRC", Reason.TOO_SHORT),
        Arguments.of("81 cd 0000", Reason.TOO_SHORT),
        // pion "bad length": no FCI at all (RFC 4585 requires one pair)
        Arguments.of("81 cd 0002  902f9e2e 902f9e2e", Reason.BAD_LENGTH),
        Arguments.of(
            "a1 cd 0004  902f9e2e 902f9e2e  aaaa5555 1111  0002   # FCI of 6 bytes",
            Reason.BAD_LENGTH),
        Arguments.of("a1 cd 0003  902f9e2e 902f9e2e  aaaa5500   # padding 0", Reason.BAD_PADDING));
  }

  @ParameterizedTest
  @MethodSource("invalidPackets")
  void rejectsMalformedPackets(String hex, Reason reason) {
    assertThat(RtcpFixtures.parseFailure(Hex.bytes(hex))).isEqualTo(reason);
  }

  @Test
  void reportsTheMediaSourceAndItsFormat() {
    TransportLayerNack nack = new TransportLayerNack(1, 2, List.of(new NackPair(5, 0)));
    assertThat(nack.destinationSsrcs()).containsExactly(2L);
    assertThat(nack.packetType()).isEqualTo(205);
    assertThat(nack.countOrFormat()).isEqualTo(1);
    assertThat(nack.padding()).isZero();
    assertThat(nack.serializedLength()).isEqualTo(16);
  }

  static Stream<Arguments> pairs() {
    // the first five from pion/rtcp transport_layer_nack_test.go, TestNackPair
    return Stream.of(
        Arguments.of(new NackPair(42, 0), List.of(42)),
        Arguments.of(new NackPair(42, 1), List.of(42, 43)),
        Arguments.of(new NackPair(42, 2), List.of(42, 44)),
        Arguments.of(new NackPair(42, 3), List.of(42, 43, 44)),
        Arguments.of(new NackPair(42, 0x8000), List.of(42, 58)),
        Arguments.of(new NackPair(65534, 0x0007), List.of(65534, 65535, 0, 1)),
        Arguments.of(new NackPair(0, 0xffff), rangeList(0, 17)));
  }

  @ParameterizedTest
  @MethodSource("pairs")
  void pairListsItsLostPackets(NackPair pair, List<Integer> lost) {
    assertThat(pair.lostSequenceNumbers()).isEqualTo(lost);
  }

  static Stream<Arguments> coverings() {
    return Stream.of(
        // the first four from pion/rtcp transport_layer_nack_test.go, pair generation
        Arguments.of(List.of(), List.of()),
        Arguments.of(List.of(100), List.of(new NackPair(100, 0))),
        Arguments.of(List.of(100, 101, 105, 115), List.of(new NackPair(100, 0x4011))),
        Arguments.of(
            List.of(100, 117, 500, 501, 502),
            List.of(new NackPair(100, 0), new NackPair(117, 0), new NackPair(500, 3))),
        // unordered, repeated, across the wrap
        Arguments.of(List.of(1, 65535, 0, 65534, 1, 65534), List.of(new NackPair(65534, 0b111))),
        Arguments.of(
            List.of(3, 65530, 20), List.of(new NackPair(65530, 1 << 8), new NackPair(20, 0))),
        Arguments.of(rangeList(0, 17), List.of(new NackPair(0, 0xffff))),
        Arguments.of(rangeList(0, 18), List.of(new NackPair(0, 0xffff), new NackPair(17, 0))),
        // the list starts after the widest gap (4096 to 61440), not at the smallest number
        Arguments.of(
            List.of(0, 61440, 4096),
            List.of(new NackPair(61440, 0), new NackPair(0, 0), new NackPair(4096, 0))));
  }

  @ParameterizedTest
  @MethodSource("coverings")
  void coversLostPacketsWithTheFewestPairs(List<Integer> lost, List<NackPair> expected) {
    assertThat(NackPair.covering(lost)).isEqualTo(expected);
  }

  @Test
  void coveringReportsExactlyTheGivenNumbersWithoutWastedPairs() {
    Random random = new Random(7);
    for (int round = 0; round < 500; round++) {
      int start = random.nextInt(1 << 16);
      Set<Integer> lost = new HashSet<>();
      int count = 1 + random.nextInt(60);
      for (int i = 0; i < count; i++) {
        lost.add((start + random.nextInt(200)) & 0xffff);
      }
      List<NackPair> pairs = NackPair.covering(new ArrayList<>(lost));
      TransportLayerNack nack = new TransportLayerNack(1, 2, pairs);
      assertThat(nack.lostSequenceNumbers()).containsExactlyInAnyOrderElementsOf(lost);
      assertThat(pairs).hasSizeLessThanOrEqualTo(lineCoverLowerBound(lost, start));
    }
  }

  /**
   * The fewest pairs for numbers in {@code [start, start + 200)}, by a plain left-to-right sweep.
   */
  private static int lineCoverLowerBound(Set<Integer> lost, int start) {
    int pairs = 0;
    int coveredUpTo = -1;
    for (int offset = 0; offset < 200; offset++) {
      if (lost.contains((start + offset) & 0xffff) && offset > coveredUpTo) {
        pairs++;
        coveredUpTo = offset + 16;
      }
    }
    return pairs;
  }

  @Test
  void buildsFromLostSequenceNumbers() {
    TransportLayerNack nack = TransportLayerNack.forLostPackets(7, 8, List.of(10, 12, 11, 40, 10));
    assertThat(nack)
        .isEqualTo(
            new TransportLayerNack(7, 8, List.of(new NackPair(10, 0b11), new NackPair(40, 0))));
    assertThat(nack.lostSequenceNumbers()).containsExactly(10, 11, 12, 40);
  }

  @Test
  void listsOverlappingPairsLostPacketsOnce() {
    TransportLayerNack nack =
        new TransportLayerNack(7, 8, List.of(new NackPair(10, 0b1), new NackPair(11, 0b1)));
    assertThat(nack.lostSequenceNumbers()).containsExactly(10, 11, 12);
  }

  @Test
  void rejectsInvalidFields() {
    List<NackPair> one = List.of(new NackPair(1, 0));
    assertInvalid(() -> new TransportLayerNack(1, 2, List.of()), "at least one");
    assertInvalid(() -> new TransportLayerNack(-1, 2, one), "senderSsrc");
    assertInvalid(() -> new TransportLayerNack(1, 1L << 32, one), "mediaSsrc");
    assertInvalid(() -> new TransportLayerNack(1, 2, one, 2), "multiple of 4");
    assertInvalid(() -> new TransportLayerNack(1, 2, one, 256), "padding");
    assertInvalid(() -> new NackPair(65536, 0), "packetId");
    assertInvalid(() -> new NackPair(0, -1), "lostPackets");
    assertInvalid(() -> NackPair.covering(List.of(1, 70000)), "sequence number");
    assertInvalid(() -> TransportLayerNack.forLostPackets(1, 2, List.of()), "at least one");
    List<NackPair> tooMany = new ArrayList<>();
    for (int i = 0; i < 65534; i++) {
      tooMany.add(new NackPair(i, 0));
    }
    assertInvalid(() -> new TransportLayerNack(1, 2, tooMany), "at most");
    List<NackPair> justFits = tooMany.subList(0, 65533);
    assertThat(new TransportLayerNack(1, 2, justFits).serializedLength())
        .isEqualTo(RtcpHeader.MAX_PACKET_SIZE);
    assertInvalid(() -> new TransportLayerNack(1, 2, justFits, 4), "exceed");
  }

  @Test
  void damagedPacketsAreRejectedOrRoundTrip() {
    TransportFeedbackFuzz.check(TransportFeedbackRandom.GENERATORS.get(0), 1, 5000);
  }


  private static List<Integer> rangeList(int from, int to) {
    List<Integer> list = new ArrayList<>();
    for (int i = from; i < to; i++) {
      list.add(i);
    }
    return list;
  }

  private static void assertInvalid(Runnable constructor, String message) {
    assertThatThrownBy(constructor::run)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
