package org.ortc4j.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ortc4j.rtcp.TwccStatusSymbol.NOT_RECEIVED;
import static org.ortc4j.rtcp.TwccStatusSymbol.RECEIVED_LARGE_DELTA;
import static org.ortc4j.rtcp.TwccStatusSymbol.RECEIVED_SMALL_DELTA;
import static org.ortc4j.rtcp.TwccStatusSymbol.RESERVED;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ortc4j.rtcp.RtcpParseException.Reason;

class TransportWideCcFeedbackTest {
  private static final TwccStatusSymbol S = RECEIVED_SMALL_DELTA;
  private static final TwccStatusSymbol L = RECEIVED_LARGE_DELTA;
  private static final TwccStatusSymbol N = NOT_RECEIVED;

  /**
   * Chrome's feedback with the P bit (pion/rtcp transport_layer_cc_test.go, Unmarshal example1).
   */
  private static final String CHROME_PADDED =
      """
      af cd 0005      # V=2 P=1 FMT=15 PT=205 length 5
      fa17fa17        # sender SSRC
      43032fa0        # media SSRC
      0099 0001       # base sequence number 153, 1 status
      3de802 17       # reference time 4057090, feedback packet count 23
      2001            # run length chunk: received small delta x1
      94              # delta 148 x 250 us
      01              # RTCP padding, 1 byte
      """;

  /** The same content as older libwebrtc sent it: no P bit, one zero byte of alignment. */
  private static final String ZERO_ALIGNED =
      """
      8f cd 0005      # P=0
      fa17fa17 43032fa0
      0099 0001 3de802 17
      2001 94
      00              # zero alignment (libwebrtc TransportFeedbackPaddingBackwardsCompatibility)
      """;

  private static final TransportWideCcFeedback CHROME_PADDED_PACKET =
      new TransportWideCcFeedback(
          0xfa17fa17L,
          0x43032fa0L,
          153,
          1,
          4057090,
          23,
          List.of(new TwccRunLengthChunk(S, 1)),
          List.of(148),
          1);

  static Stream<Arguments> validPackets() {
    return Stream.of(
        Arguments.of(CHROME_PADDED, CHROME_PADDED_PACKET),
        Arguments.of(ZERO_ALIGNED, withPadding(CHROME_PADDED_PACKET, 0)),
        Arguments.of(
            // libwebrtc TransportFeedbackPadding: more padding than alignment needs
            """
            af cd 0006
            fa17fa17 43032fa0 0099 0001 3de802 17
            2001 94
            00000000 05     # padding 5
            """,
            withPadding(CHROME_PADDED_PACKET, 5)),
        Arguments.of(
            // pion/rtcp transport_layer_cc_test.go, Unmarshal example4 (Chrome)
            """
            af cd 0007
            fa17fa17 193dd8bb
            0004 0007       # base 4, 7 statuses
            10636e 01
            2007            # run length: received small delta x7
            4c 24 24 10 0c 0c 10
            00 00 03        # padding 3
            """,
            new TransportWideCcFeedback(
                0xfa17fa17L,
                0x193dd8bbL,
                4,
                7,
                0x10636e,
                1,
                List.of(new TwccRunLengthChunk(S, 7)),
                List.of(76, 36, 36, 16, 12, 12, 16),
                3)),
        Arguments.of(
            // pion/rtcp transport_layer_cc_test.go, Unmarshal example6 (Chrome)
            """
            af cd 0007
            9b74f61f 9371dcbc
            853c 0009       # base 34108, 9 statuses
            63f916 b3
            d552            # two-bit vector: S S S S S N L
            0030            # run length: not received x48 (2 of them within the count)
            9b aa 6a aa 7b  # five small deltas
            0109            # large delta 265
            01              # padding 1
            """,
            EXAMPLE6),
        Arguments.of(
            // pion/rtcp transport_layer_cc_test.go, Marshal example5
            """
            af cd 0006
            fa17fa17 193dd8bb
            0001 000e 10636d 00
            ba00            # one-bit vector: S S S N S, then N
            10 0c 0c 10
            00 02           # padding 2
            """,
            new TransportWideCcFeedback(
                0xfa17fa17L,
                0x193dd8bbL,
                1,
                14,
                0x10636d,
                0,
                List.of(TwccStatusVectorChunk.oneBit(List.of(S, S, S, N, S))),
                List.of(16, 12, 12, 16),
                2)),
        Arguments.of(
            // pion/rtcp transport_layer_cc_test.go, Marshal example6
            """
            af cd 0007
            fa17fa17 43032fa0
            9c14 000c 758420 00
            bec0            # one-bit vector: S S S S S N S S, N...
            c1 3f 3b 3f 53 90 3b
            00 00 03
            """,
            new TransportWideCcFeedback(
                0xfa17fa17L,
                0x43032fa0L,
                0x9c14,
                12,
                0x758420,
                0,
                List.of(TwccStatusVectorChunk.oneBit(List.of(S, S, S, S, S, N, S, S))),
                List.of(0xc1, 0x3f, 0x3b, 0x3f, 0x53, 0x90, 0x3b),
                3)),
        Arguments.of(
            // pion/rtcp transport_layer_cc_test.go, Unmarshal example7: no status at all
            "8f cd 0004  9acb0442 00000000  0000 0000  000000 00",
            new TransportWideCcFeedback(0x9acb0442L, 0, 0, 0, 0, 0, List.of(), List.of(), 0)),
        Arguments.of(
            """
            8f cd 0006
            00000001 00000002
            fffe 0003       # base 65534, 3 statuses (wrapping)
            ffffff 07       # reference time -1
            e400            # two-bit vector: L S N N N N N
            ff38            # large delta -200
            05
            000000          # zero alignment
            """,
            WRAPPING),
        Arguments.of(
            "8f cd 0005  00000001 00000002  0010 0002 000001 00  2002 0a 14   # aligned",
            new TransportWideCcFeedback(
                1, 2, 16, 2, 1, 0, List.of(new TwccRunLengthChunk(S, 2)), List.of(10, 20), 0)),
        Arguments.of(
            """
            8f cd 0006
            00000001 00000002 0000 0003 000000 00
            bfff            # one-bit vector: 14 x S, only 3 within the count
            01 02 03 000000
            """,
            new TransportWideCcFeedback(
                1,
                2,
                0,
                3,
                0,
                0,
                List.of(new TwccStatusVectorChunk(Collections.nCopies(14, S))),
                List.of(1, 2, 3),
                0)),
        Arguments.of(
            """
            8f cd 0005
            00000001 00000002 0000 0001 000000 00
            dfff            # two-bit vector: S, then 6 reserved symbols past the count
            2a 00
            """,
            new TransportWideCcFeedback(
                1, 2, 0, 1, 0, 0, List.of(TwccChunk.decode(0xdfff)), List.of(42), 0)),
        Arguments.of(
            """
            8f cd 0006
            00000001 00000002 0000 0001 000000 00
            0000 2001       # an empty run, then the status
            05 000000
            """,
            new TransportWideCcFeedback(
                1,
                2,
                0,
                1,
                0,
                0,
                List.of(new TwccRunLengthChunk(N, 0), new TwccRunLengthChunk(S, 1)),
                List.of(5),
                0)));
  }

  private static final TransportWideCcFeedback EXAMPLE6 =
      new TransportWideCcFeedback(
          0x9b74f61fL,
          0x9371dcbcL,
          34108,
          9,
          0x63f916,
          0xb3,
          List.of(
              TwccStatusVectorChunk.twoBit(List.of(S, S, S, S, S, N, L)),
              new TwccRunLengthChunk(N, 48)),
          List.of(155, 170, 106, 170, 123, 265),
          1);

  private static final TransportWideCcFeedback WRAPPING =
      new TransportWideCcFeedback(
          1,
          2,
          65534,
          3,
          -1,
          7,
          List.of(TwccStatusVectorChunk.twoBit(List.of(L, S))),
          List.of(-200, 5),
          0);

  @ParameterizedTest
  @MethodSource("validPackets")
  void parsesAndSerializesValidPackets(String hex, TransportWideCcFeedback expected)
      throws Exception {
    RtcpFixtures.assertParsesTo(Hex.bytes(hex), expected);
  }

  static Stream<Arguments> invalidPackets() {
    return Stream.of(
        // pion/rtcp transport_layer_cc_test.go, Unmarshal example2: reserved symbols in the count
        Arguments.of(
            "af cd 0006 fa17fa17 193dd8bb 0174 000e 45b15a40 d800 f0ff d0 000003",
            Reason.BAD_VALUE),
        // pion example3: the P bit is set but the last byte (the padding count) is 0
        Arguments.of(
            "af cd 0007 fa17fa17 193dd8bb 0174 0006 45b15a40 4002 2004 1ffe 1f9a d000 d000",
            Reason.BAD_PADDING),
        // pion Unmarshal example5: the padding count 3 eats into the fourth delta
        Arguments.of(
            "af cd 0006 fa17fa17 193dd8bb 0001 000e 10636d00 ba00 100c 0c10 0003",
            Reason.TOO_SHORT),
        // pion example8: three small deltas announced, one present
        Arguments.of("af cd 0005 fa17fa17 43032fa0 0099 0003 3de80217 2003 9401", Reason.TOO_SHORT),
        // pion example9: two large deltas announced, one byte present
        Arguments.of("af cd 0005 fa17fa17 43032fa0 0099 0002 3de80217 4002 9401", Reason.TOO_SHORT),
        Arguments.of("8f cd 0003 00000001 00000002 0000 0001   # header cut", Reason.TOO_SHORT),
        Arguments.of(
            "8f cd 0005 00000001 00000002 0000 0014 00000000 2001 0000   # chunks run out",
            Reason.TOO_SHORT),
        Arguments.of(
            "8f cd 0005 00000001 00000002 0000 0001 00000000 6001 0000   # reserved run",
            Reason.BAD_VALUE),
        Arguments.of(
            "8f cd 0006 00000001 00000002 0010 0002 00000100 2002 0a14 00000000  # 4 extra",
            Reason.BAD_LENGTH),
        Arguments.of(
            "8f cd 0005 fa17fa17 43032fa0 0099 0001 3de80217 2001 9401   # P=0, last byte 1",
            Reason.BAD_LENGTH));
  }

  @ParameterizedTest
  @MethodSource("invalidPackets")
  void rejectsMalformedPackets(String hex, Reason reason) {
    assertThat(RtcpFixtures.parseFailure(Hex.bytes(hex))).isEqualTo(reason);
  }

  @Test
  void convertsBetweenZeroAlignmentAndPaddingBit() throws Exception {
    TransportWideCcFeedback zeroAligned =
        (TransportWideCcFeedback) RtcpPacket.parse(Hex.bytes(ZERO_ALIGNED));
    assertThat(zeroAligned.padding()).isZero();
    assertThat(zeroAligned.withPaddingAlignment()).isEqualTo(CHROME_PADDED_PACKET);
    assertThat(zeroAligned.withPaddingAlignment().serialize()).isEqualTo(Hex.bytes(CHROME_PADDED));
    assertThat(withPadding(CHROME_PADDED_PACKET, 0).serialize()).isEqualTo(Hex.bytes(ZERO_ALIGNED));
    TransportWideCcFeedback aligned =
        new TransportWideCcFeedback(
            1, 2, 16, 2, 1, 0, List.of(new TwccRunLengthChunk(S, 2)), List.of(10, 20));
    assertThat(aligned.withPaddingAlignment()).isEqualTo(aligned);
  }

  @Test
  void reportsTheMediaSourceAndItsFormat() {
    assertThat(EXAMPLE6.destinationSsrcs()).containsExactly(0x9371dcbcL);
    assertThat(EXAMPLE6.packetType()).isEqualTo(205);
    assertThat(EXAMPLE6.countOrFormat()).isEqualTo(15);
    assertThat(EXAMPLE6.referenceTimeMicros()).isEqualTo(0x63f916 * 64_000L);
    assertThat(WRAPPING.referenceTimeMicros()).isEqualTo(-64_000L);
  }

  @Test
  void listsPacketResultsWithArrivalTimes() {
    long reference = 0x63f916 * 64_000L;
    assertThat(EXAMPLE6.packetResults())
        .containsExactly(
            new TwccPacketResult(34108, S, reference + 38_750),
            new TwccPacketResult(34109, S, reference + 81_250),
            new TwccPacketResult(34110, S, reference + 107_750),
            new TwccPacketResult(34111, S, reference + 150_250),
            new TwccPacketResult(34112, S, reference + 181_000),
            new TwccPacketResult(34113, N, 0),
            new TwccPacketResult(34114, L, reference + 247_250),
            new TwccPacketResult(34115, N, 0),
            new TwccPacketResult(34116, N, 0));
    assertThat(WRAPPING.packetResults())
        .containsExactly(
            new TwccPacketResult(65534, L, -114_000),
            new TwccPacketResult(65535, S, -112_750),
            new TwccPacketResult(0, N, 0));
    assertThat(WRAPPING.packetResults().get(1).received()).isTrue();
    assertThat(WRAPPING.packetResults().get(2).received()).isFalse();
  }

  @Test
  void encodesReceivedPacketsInOneBitVectors() {
    // libwebrtc transport_feedback_unittest.cc, TransportFeedbackOneBitVector: 1 chunk, 7 deltas
    TransportWideCcFeedback feedback = build(1, 0, arrivalsAt(1000, 1, 2, 7, 8, 9, 10, 13));
    assertThat(feedback.packetStatusCount()).isEqualTo(13);
    assertThat(feedback.packetChunks())
        .containsExactly(
            TwccStatusVectorChunk.oneBit(List.of(S, S, N, N, N, N, S, S, S, S, N, N, S)));
    assertThat(feedback.receiveDeltas()).containsExactly(4, 4, 20, 4, 4, 4, 12);
    assertThat(feedback.serializedLength()).isEqualTo(32);
  }

  @Test
  void encodesLargeDeltasInTwoBitVectors() {
    // libwebrtc TransportFeedbackTwoBitVector and ...TwoBitVectorFull: deltas above 63.75 ms
    TransportWideCcFeedback four = build(1, 0, arrivalsAt(64_250, 1, 2, 6, 7));
    assertThat(four.packetChunks())
        .containsExactly(TwccStatusVectorChunk.twoBit(List.of(L, L, N, N, N, L, L)));
    assertThat(four.receiveDeltas()).containsExactly(257, 257, 1028, 257);
    assertThat(four.serializedLength()).isEqualTo(32);
    TransportWideCcFeedback five = build(1, 0, arrivalsAt(64_250, 1, 2, 6, 7, 8));
    assertThat(five.packetChunks())
        .containsExactly(
            TwccStatusVectorChunk.twoBit(List.of(L, L, N, N, N, L, L)),
            new TwccRunLengthChunk(L, 1));
    assertThat(five.serializedLength()).isEqualTo(36);
  }

  @Test
  void encodesLongRunsAsRunLengthChunks() {
    // libwebrtc TransportFeedbackMaxRle: packets 0 and 8204 received, 3 chunks
    TransportWideCcFeedback feedback =
        build(0, 0, List.of(TwccArrival.received(0, 1000), TwccArrival.received(8204, 2000)));
    assertThat(feedback.packetChunks())
        .containsExactly(
            TwccStatusVectorChunk.oneBit(List.of(S)),
            new TwccRunLengthChunk(N, 8190),
            new TwccRunLengthChunk(S, 1));
    assertThat(feedback.serializedLength()).isEqualTo(28);
    TransportWideCcFeedback allReceived = build(0, 0, arrivalsAt(1000, 0, 1, 2, 3, 4, 5, 6));
    assertThat(allReceived.packetChunks()).containsExactly(new TwccRunLengthChunk(S, 7));
    List<TwccArrival> many = new ArrayList<>();
    for (int i = 0; i < 9000; i++) {
      many.add(TwccArrival.received(i, 1000L * i));
    }
    assertThat(build(0, 0, many).packetChunks())
        .containsExactly(new TwccRunLengthChunk(S, 8191), new TwccRunLengthChunk(S, 809));
  }

  @Test
  void encodesNegativeDeltasLostPacketsAndTheWrap() {
    List<TwccArrival> arrivals =
        List.of(
            TwccArrival.received(1, 2_000),
            TwccArrival.lost(0),
            TwccArrival.received(65535, 130_000),
            TwccArrival.received(65534, 129_000));
    TransportWideCcFeedback feedback = build(65534, 2, arrivals);
    assertThat(feedback.packetStatusCount()).isEqualTo(4);
    assertThat(feedback.packetResults())
        .containsExactly(
            new TwccPacketResult(65534, S, 129_000),
            new TwccPacketResult(65535, S, 130_000),
            new TwccPacketResult(0, N, 0),
            new TwccPacketResult(1, L, 2_000));
    assertThat(feedback.receiveDeltas()).containsExactly(4, 4, -512);
  }

  @Test
  void roundsDeltasToTheNearestTick() {
    TransportWideCcFeedback feedback =
        build(0, 0, List.of(TwccArrival.received(0, 125), TwccArrival.received(1, 374)));
    assertThat(feedback.receiveDeltas()).containsExactly(1, 0);
    assertThat(build(0, 1, List.of()).packetStatusCount()).isZero();
  }

  @Test
  void builtFeedbackReproducesArrivalTimesWithinHalfATick() throws Exception {
    Random random = new Random(11);
    for (int round = 0; round < 200; round++) {
      int base = random.nextInt(1 << 16);
      long time = 64_000L * 50 + random.nextInt(1_000_000);
      List<TwccArrival> arrivals = new ArrayList<>();
      for (int i = 0; i < 1 + random.nextInt(300); i++) {
        time += random.nextInt(5) == 0 ? random.nextInt(200_000) - 50_000 : random.nextInt(5_000);
        if (random.nextInt(4) != 0) {
          arrivals.add(TwccArrival.received((base + i) & 0xffff, time));
        }
      }
      Collections.shuffle(arrivals, random);
      TransportWideCcFeedback feedback = build(base, 50, arrivals);
      List<TwccPacketResult> results = feedback.packetResults();
      for (TwccArrival arrival : arrivals) {
        TwccPacketResult result = results.get((arrival.sequenceNumber() - base) & 0xffff);
        assertThat(result.sequenceNumber()).isEqualTo(arrival.sequenceNumber());
        assertThat(result.arrivalTimeMicros())
            .isBetween(arrival.arrivalTimeMicros() - 125, arrival.arrivalTimeMicros() + 125);
      }
      assertThat(results.stream().filter(TwccPacketResult::received)).hasSameSizeAs(arrivals);
      assertThat(RtcpPacket.parse(feedback.serialize())).isEqualTo(feedback);
    }
  }

  @Test
  void builderRejectsWhatOneFeedbackCannotHold() {
    assertInvalid(
        () -> build(0, 0, List.of(TwccArrival.received(5, 0), TwccArrival.lost(5))), "twice");
    assertInvalid(() -> build(1, 0, List.of(TwccArrival.lost(0))), "more than 65535");
    assertInvalid(() -> build(0, 0, List.of(TwccArrival.received(0, 8_192_000))), "16 bits");
    assertThat(build(0, 0, List.of(TwccArrival.received(0, 8_191_750))).receiveDeltas())
        .containsExactly(32767);
    assertInvalid(() -> build(0, 0, List.of(TwccArrival.received(0, -8_192_250))), "16 bits");
    assertInvalid(
        () -> build(0, -1, List.of(TwccArrival.received(0, Long.MAX_VALUE))), "out of range");
    assertInvalid(() -> build(0, 1 << 23, List.of()), "referenceTime");
    assertInvalid(() -> build(65536, 0, List.of()), "baseSequenceNumber");
    assertInvalid(() -> TwccArrival.lost(-1), "sequenceNumber");
  }

  @Test
  void rejectsInvalidFields() {
    List<TwccChunk> one = List.of(new TwccRunLengthChunk(S, 1));
    assertInvalid(
        () -> feedback(1, List.of(new TwccRunLengthChunk(S, 1)), List.of(1), -1, 0), "senderSsrc");
    assertInvalid(
        () -> new TransportWideCcFeedback(1, 2, 0, 1, 1 << 23, 0, one, List.of(1)),
        "referenceTime");
    assertInvalid(
        () -> new TransportWideCcFeedback(1, 2, 0, 1, -(1 << 23) - 1, 0, one, List.of(1)),
        "referenceTime");
    assertInvalid(
        () -> new TransportWideCcFeedback(1, 2, 0, 1, 0, 256, one, List.of(1)),
        "feedbackPacketCount");
    assertInvalid(
        () -> new TransportWideCcFeedback(1, 2, 0x10000, 1, 0, 0, one, List.of(1)),
        "baseSequenceNumber");
    assertInvalid(
        () -> new TransportWideCcFeedback(1, 2, 0, 0x10000, 0, 0, one, List.of(1)),
        "packetStatusCount");
    assertInvalid(() -> feedback(2, one, List.of(1), 1, 0), "fewer than 2");
    assertInvalid(
        () -> feedback(1, List.of(one.get(0), one.get(0)), List.of(1, 1), 1, 0), "follows");
    assertInvalid(() -> feedback(0, one, List.of(), 1, 0), "follows");
    assertInvalid(
        () -> feedback(1, List.of(new TwccRunLengthChunk(RESERVED, 1)), List.of(), 1, 0),
        "reserved");
    assertInvalid(() -> feedback(1, one, List.of(), 1, 0), "no receive delta");
    assertInvalid(() -> feedback(1, one, List.of(1, 2), 1, 0), "2 receive deltas for 1");
    assertInvalid(() -> feedback(1, one, List.of(256), 1, 0), "receive delta of status 0");
    assertInvalid(() -> feedback(1, one, List.of(-1), 1, 0), "receive delta of status 0");
    List<TwccChunk> large = List.of(new TwccRunLengthChunk(L, 1));
    assertInvalid(() -> feedback(1, large, List.of(32768), 1, 0), "receive delta");
    assertThat(feedback(1, large, List.of(-32768), 1, 0).serialize()).hasSize(24);
    assertInvalid(() -> feedback(1, one, List.of(1), 1, 256), "padding");
    List<TwccChunk> empties =
        new ArrayList<>(Collections.nCopies(131071, new TwccRunLengthChunk(N, 0)));
    empties.add(new TwccRunLengthChunk(S, 1));
    assertInvalid(() -> feedback(1, empties, List.of(1), 1, 0), "exceeds");
  }

  @Test
  void packetResultsRejectImpossibleEntries() {
    assertInvalid(() -> new TwccPacketResult(1, RESERVED, 0), "reserved");
    assertInvalid(() -> new TwccPacketResult(1, N, 5), "no arrival time");
    assertInvalid(() -> new TwccPacketResult(65536, S, 5), "sequenceNumber");
  }

  @Test
  void damagedPacketsAreRejectedOrRoundTrip() {
    TransportFeedbackFuzz.check(TransportFeedbackRandom.GENERATORS.get(1), 2, 5000);
  }


  private static TransportWideCcFeedback feedback(
      int count, List<TwccChunk> chunks, List<Integer> deltas, long sender, int padding) {
    return new TransportWideCcFeedback(sender, 2, 0, count, 0, 0, chunks, deltas, padding);
  }

  private static TransportWideCcFeedback build(
      int base, int referenceTime, List<TwccArrival> arrivals) {
    return TransportWideCcFeedback.fromArrivals(1, 2, base, referenceTime, 0, arrivals);
  }

  /** Packets {@code sequenceNumbers} received at sequence number × {@code spacing} µs. */
  private static List<TwccArrival> arrivalsAt(long spacing, int... sequenceNumbers) {
    List<TwccArrival> arrivals = new ArrayList<>();
    for (int sequenceNumber : sequenceNumbers) {
      arrivals.add(TwccArrival.received(sequenceNumber, sequenceNumber * spacing));
    }
    return arrivals;
  }

  private static TransportWideCcFeedback withPadding(TransportWideCcFeedback f, int padding) {
    return new TransportWideCcFeedback(
        f.senderSsrc(),
        f.mediaSsrc(),
        f.baseSequenceNumber(),
        f.packetStatusCount(),
        f.referenceTime(),
        f.feedbackPacketCount(),
        f.packetChunks(),
        f.receiveDeltas(),
        padding);
  }

  private static void assertInvalid(Runnable constructor, String message) {
    assertThatThrownBy(constructor::run)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
