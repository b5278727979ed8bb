package org.ortc4j.rtcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/** Random valid RTPFB packets (Generic NACK, TWCC, RFC 8888 CCFB) for property tests. */
final class TransportFeedbackRandom {
  private TransportFeedbackRandom() {}

  static final List<Function<Random, RtcpPacket>> GENERATORS =
      List.of(
          TransportFeedbackRandom::nack,
          TransportFeedbackRandom::transportWideCc,
          TransportFeedbackRandom::congestionControl);

  static TransportLayerNack nack(Random random) {
    int pairs = random.nextInt(20) == 0 ? 1 + random.nextInt(2000) : 1 + random.nextInt(8);
    List<NackPair> nacks = new ArrayList<>(pairs);
    for (int i = 0; i < pairs; i++) {
      nacks.add(new NackPair(random.nextInt(1 << 16), random.nextInt(1 << 16)));
    }
    return new TransportLayerNack(ssrc(random), ssrc(random), nacks, wordPadding(random));
  }

  static TransportWideCcFeedback transportWideCc(Random random) {
    if (random.nextInt(4) == 0) {
      return fromArrivals(random);
    }
    int count = statusCount(random);
    List<TwccChunk> chunks = chunksCovering(random, count);
    List<Integer> deltas = new ArrayList<>();
    for (TwccStatusSymbol symbol : statuses(chunks, count)) {
      if (symbol == TwccStatusSymbol.RECEIVED_SMALL_DELTA) {
        deltas.add(random.nextInt(256));
      } else if (symbol == TwccStatusSymbol.RECEIVED_LARGE_DELTA) {
        deltas.add(random.nextInt(1 << 16) - (1 << 15));
      }
    }
    return new TransportWideCcFeedback(
        ssrc(random),
        ssrc(random),
        random.nextInt(1 << 16),
        count,
        random.nextInt(1 << 24) - (1 << 23),
        random.nextInt(256),
        chunks,
        deltas,
        anyPadding(random));
  }

  /** The first {@code count} statuses the chunks describe. */
  private static List<TwccStatusSymbol> statuses(List<TwccChunk> chunks, int count) {
    List<TwccStatusSymbol> statuses = new ArrayList<>();
    for (TwccChunk chunk : chunks) {
      for (int i = 0; i < chunk.statusCount() && statuses.size() < count; i++) {
        statuses.add(chunk.symbol(i));
      }
    }
    return statuses;
  }

  private static int statusCount(Random random) {
    switch (random.nextInt(10)) {
      case 0:
        return 0;
      case 1:
        return random.nextInt(1 << 16);
      default:
        return 1 + random.nextInt(60);
    }
  }

  /**
   * Chunks of every kind until {@code count} is covered. The last chunk may describe statuses
   * past the count; they are "not received", as encoders write them (the fixtures in
   * TransportWideCcFeedbackTest cover the other values a parser must tolerate there).
   */
  private static List<TwccChunk> chunksCovering(Random random, int count) {
    List<TwccChunk> chunks = new ArrayList<>();
    int covered = 0;
    while (covered < count) {
      TwccChunk chunk = randomChunk(random, count - covered);
      chunks.add(chunk);
      covered += chunk.statusCount();
    }
    return chunks;
  }

  private static TwccChunk randomChunk(Random random, int remaining) {
    switch (random.nextInt(4)) {
      case 0:
        return new TwccRunLengthChunk(
            TwccStatusSymbol.ofCode(random.nextInt(3)),
            1 + random.nextInt(Math.min(8191, remaining)));
      case 1:
        int bits = random.nextInt(1 << 14);
        int unused = Math.max(0, 14 - remaining);
        return TwccChunk.decode(0x8000 | (bits >>> unused << unused));
      default:
        return twoBitVector(random, remaining);
    }
  }

  private static TwccChunk twoBitVector(Random random, int remaining) {
    List<TwccStatusSymbol> symbols = new ArrayList<>();
    for (int i = 0; i < TwccStatusVectorChunk.TWO_BIT_CAPACITY; i++) {
      symbols.add(TwccStatusSymbol.ofCode(i < remaining ? random.nextInt(3) : 0));
    }
    return new TwccStatusVectorChunk(symbols);
  }

  private static TransportWideCcFeedback fromArrivals(Random random) {
    int base = random.nextInt(1 << 16);
    int referenceTime = random.nextInt(1000);
    long clock = referenceTime * 64_000L + random.nextInt(64_000);
    List<TwccArrival> arrivals = new ArrayList<>();
    int span = 1 + random.nextInt(random.nextBoolean() ? 40 : 3000);
    for (int offset = 0; offset < span; offset++) {
      int sequenceNumber = (base + offset) & 0xffff;
      if (random.nextInt(5) == 0) {
        arrivals.add(TwccArrival.lost(sequenceNumber));
      } else if (random.nextInt(3) != 0) {
        clock +=
            random.nextInt(10) == 0 ? random.nextInt(400_000) - 100_000 : random.nextInt(20_000);
        arrivals.add(TwccArrival.received(sequenceNumber, clock));
      }
    }
    TransportWideCcFeedback feedback =
        TransportWideCcFeedback.fromArrivals(
            ssrc(random), ssrc(random), base, referenceTime, random.nextInt(256), arrivals);
    return random.nextBoolean() ? feedback.withPaddingAlignment() : feedback;
  }

  static CongestionControlFeedback congestionControl(Random random) {
    int blocks = random.nextInt(6);
    List<CcfbReportBlock> reportBlocks = new ArrayList<>(blocks);
    for (int i = 0; i < blocks; i++) {
      int metrics =
          random.nextInt(50) == 0
              ? random.nextInt(CcfbReportBlock.MAX_METRICS + 1)
              : random.nextInt(40);
      List<CcfbMetric> list = new ArrayList<>(metrics);
      for (int j = 0; j < metrics; j++) {
        list.add(
            random.nextInt(4) == 0
                ? CcfbMetric.NOT_RECEIVED
                : CcfbMetric.decode(random.nextInt(1 << 16)));
      }
      reportBlocks.add(new CcfbReportBlock(ssrc(random), random.nextInt(1 << 16), list));
    }
    return new CongestionControlFeedback(
        ssrc(random), reportBlocks, random.nextLong() >>> 32, wordPadding(random));
  }

  private static long ssrc(Random random) {
    return random.nextLong() >>> 32;
  }

  /** 0 mostly, else a multiple of 4 up to 252. */
  private static int wordPadding(Random random) {
    return random.nextInt(4) == 0 ? 4 * (1 + random.nextInt(63)) : 0;
  }

  /** 0 mostly, else anything up to 255. */
  private static int anyPadding(Random random) {
    return random.nextInt(3) == 0 ? 1 + random.nextInt(255) : 0;
  }
}
