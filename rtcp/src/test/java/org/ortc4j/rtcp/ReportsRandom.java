package org.ortc4j.rtcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Random valid SR, RR, SDES, BYE and APP packets for property tests: every count from 0 to the
 * maximum, every SDES item kind, extensions and RTCP padding now and then.
 */
final class ReportsRandom {
  private ReportsRandom() {}

  static final List<Function<Random, RtcpPacket>> GENERATORS =
      List.of(
          ReportsRandom::senderReport,
          ReportsRandom::receiverReport,
          ReportsRandom::sourceDescription,
          ReportsRandom::goodbye,
          ReportsRandom::applicationDefined);

  static SenderReport senderReport(Random random) {
    return new SenderReport(
        u32(random),
        random.nextLong(),
        u32(random),
        u32(random),
        u32(random),
        receptionReports(random),
        words(random),
        padding(random));
  }

  static ReceiverReport receiverReport(Random random) {
    return new ReceiverReport(
        u32(random), receptionReports(random), words(random), padding(random));
  }

  static SourceDescription sourceDescription(Random random) {
    List<SdesChunk> chunks = new ArrayList<>();
    for (int i = count(random, SourceDescription.MAX_CHUNKS); i > 0; i--) {
      chunks.add(new SdesChunk(u32(random), sdesItems(random)));
    }
    return new SourceDescription(chunks, padding(random));
  }

  static Goodbye goodbye(Random random) {
    List<Long> sources = new ArrayList<>();
    for (int i = count(random, Goodbye.MAX_SOURCES); i > 0; i--) {
      sources.add(u32(random));
    }
    byte[] reason = random.nextInt(3) == 0 ? null : bytes(random, random.nextInt(256));
    return new Goodbye(sources, reason, padding(random));
  }

  static ApplicationDefined applicationDefined(Random random) {
    return new ApplicationDefined(
        random.nextInt(32), u32(random), asciiName(random), words(random), padding(random));
  }

  /** RFC 3550 §6.7: the name is four ASCII characters. */
  private static byte[] asciiName(Random random) {
    byte[] name = new byte[4];
    for (int i = 0; i < name.length; i++) {
      name[i] = (byte) (0x21 + random.nextInt(0x7e - 0x21 + 1));
    }
    return name;
  }

  static ReceptionReport receptionReport(Random random) {
    return new ReceptionReport(
        u32(random),
        random.nextInt(256),
        random.nextInt(1 << 24) - (1 << 23),
        u32(random),
        u32(random),
        u32(random),
        u32(random));
  }

  private static List<ReceptionReport> receptionReports(Random random) {
    List<ReceptionReport> reports = new ArrayList<>();
    for (int i = count(random, SenderReport.MAX_REPORTS); i > 0; i--) {
      reports.add(receptionReport(random));
    }
    return reports;
  }

  /** Up to 8 items of every kind: the eight RFC 3550 types, PRIV included, and unknown types. */
  private static List<SdesItem> sdesItems(Random random) {
    List<SdesItem> items = new ArrayList<>();
    for (int i = random.nextInt(9); i > 0; i--) {
      int type = 1 + random.nextInt(12);
      if (type == SdesItemType.PRIV.code()) {
        int prefixLength = random.nextInt(64);
        items.add(
            SdesItem.priv(
                bytes(random, prefixLength), bytes(random, random.nextInt(255 - prefixLength))));
      } else {
        int code = type > 8 ? 9 + random.nextInt(247) : type;
        items.add(new SdesItem(code, bytes(random, valueLength(random))));
      }
    }
    return items;
  }

  /** Mostly short values as real stacks send, sometimes the longest. */
  private static int valueLength(Random random) {
    return random.nextInt(8) == 0 ? 255 : random.nextInt(40);
  }

  /** 0, the maximum, or anything between, each edge often enough to be seen. */
  private static int count(Random random, int max) {
    switch (random.nextInt(6)) {
      case 0:
        return 0;
      case 1:
        return max;
      default:
        return random.nextInt(max + 1);
    }
  }

  private static int padding(Random random) {
    return random.nextInt(4) == 0 ? 4 * (1 + random.nextInt(63)) : 0;
  }

  private static byte[] words(Random random) {
    return random.nextInt(3) == 0 ? bytes(random, 4 * random.nextInt(16)) : new byte[0];
  }

  private static long u32(Random random) {
    switch (random.nextInt(8)) {
      case 0:
        return 0;
      case 1:
        return 0xffff_ffffL;
      default:
        return random.nextLong() & 0xffff_ffffL;
    }
  }

  private static byte[] bytes(Random random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }
}
