package org.ortc4j.rtcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Random valid PLI, SLI, FIR, REMB and XR packets, for property tests: every variant (entry and
 * block kinds, counts from the minimum to large, edge values, padding now and then).
 */
final class PayloadFeedbackRandom {
  private PayloadFeedbackRandom() {}

  /** One generator per packet type: PLI, SLI, FIR, REMB, XR. */
  static final List<Function<Random, RtcpPacket>> GENERATORS =
      List.of(
          PayloadFeedbackRandom::pictureLossIndication,
          PayloadFeedbackRandom::sliceLossIndication,
          PayloadFeedbackRandom::fullIntraRequest,
          PayloadFeedbackRandom::receiverEstimatedMaxBitrate,
          PayloadFeedbackRandom::extendedReport);

  static PictureLossIndication pictureLossIndication(Random random) {
    return new PictureLossIndication(u32(random), u32(random), padding(random));
  }

  static SliceLossIndication sliceLossIndication(Random random) {
    List<SliceLossEntry> entries = new ArrayList<>();
    for (int i = count(random, 1, 400); i > 0; i--) {
      entries.add(
          new SliceLossEntry(random.nextInt(1 << 13), random.nextInt(1 << 13), random.nextInt(64)));
    }
    return new SliceLossIndication(u32(random), u32(random), entries, padding(random));
  }

  static FullIntraRequest fullIntraRequest(Random random) {
    List<FirEntry> entries = new ArrayList<>();
    for (int i = count(random, 1, 300); i > 0; i--) {
      entries.add(new FirEntry(u32(random), random.nextInt(256)));
    }
    long mediaSsrc = random.nextBoolean() ? 0 : u32(random);
    return new FullIntraRequest(u32(random), mediaSsrc, entries, padding(random));
  }

  static ReceiverEstimatedMaxBitrate receiverEstimatedMaxBitrate(Random random) {
    List<Long> ssrcs = new ArrayList<>();
    for (int i = count(random, 0, ReceiverEstimatedMaxBitrate.MAX_SSRCS); i > 0; i--) {
      ssrcs.add(u32(random));
    }
    if (random.nextInt(4) == 0) {
      long bitrate = (random.nextLong() >>> 1) >>> random.nextInt(63);
      return ReceiverEstimatedMaxBitrate.of(u32(random), bitrate, ssrcs);
    }
    return new ReceiverEstimatedMaxBitrate(
        u32(random),
        random.nextBoolean() ? 0 : u32(random),
        random.nextInt(64),
        random.nextInt(1 << 18),
        ssrcs,
        padding(random));
  }

  static ExtendedReport extendedReport(Random random) {
    List<XrBlock> blocks = new ArrayList<>();
    for (int i = count(random, 0, 60); i > 0; i--) {
      blocks.add(xrBlock(random));
    }
    return new ExtendedReport(u32(random), blocks, padding(random));
  }

  static XrBlock xrBlock(Random random) {
    switch (random.nextInt(3)) {
      case 0:
        return new ReceiverReferenceTimeBlock(random.nextLong());
      case 1:
        return dlrrBlock(random);
      default:
        return rawXrBlock(random);
    }
  }

  private static DlrrBlock dlrrBlock(Random random) {
    List<DlrrSubBlock> subBlocks = new ArrayList<>();
    for (int i = count(random, 0, 40); i > 0; i--) {
      subBlocks.add(new DlrrSubBlock(u32(random), u32(random), u32(random)));
    }
    return new DlrrBlock(subBlocks);
  }

  /**
   * A block of a type no registry entry gives a layout to (IANA assigns XR block types from 1 up,
   * and 255 is reserved), so that random content is a valid block of it.
   */
  private static RawXrBlock rawXrBlock(Random random) {
    int type = 100 + random.nextInt(155);
    byte[] content = new byte[4 * count(random, 0, 30)];
    random.nextBytes(content);
    return new RawXrBlock(type, random.nextInt(256), content);
  }

  /** Mostly small counts, sometimes the minimum, sometimes up to {@code large}. */
  private static int count(Random random, int min, int large) {
    switch (random.nextInt(8)) {
      case 0:
        return min;
      case 1:
        return min + random.nextInt(large - min + 1);
      default:
        return min + random.nextInt(4);
    }
  }

  /** 0 most of the time, else 4 to 252 bytes: the bodies here are whole words. */
  private static int padding(Random random) {
    return random.nextInt(4) == 0 ? 4 * (1 + random.nextInt(63)) : 0;
  }

  /** An unsigned 32-bit value, the edges now and then. */
  private static long u32(Random random) {
    switch (random.nextInt(10)) {
      case 0:
        return 0;
      case 1:
        return 0xffff_ffffL;
      default:
        return random.nextLong() >>> 32;
    }
  }
}
