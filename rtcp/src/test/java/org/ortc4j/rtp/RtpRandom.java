package org.ortc4j.rtp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Random valid RTP packets for property tests, tshark cross-checks and benchmarks. Every variant
 * turns up: CSRCs (0..15), no extension, one-byte, two-byte (with application bits) and generic
 * extensions with 0 to many elements, empty and large payloads, padding of 1..255 bytes.
 */
public final class RtpRandom {
  private RtpRandom() {}

  /** A random valid packet. */
  public static RtpPacket randomPacket(Random random) {
    int padding = random.nextInt(4) == 0 ? 1 + random.nextInt(255) : 0;
    return new RtpPacket(randomHeader(random), bytes(random, payloadLength(random)), padding);
  }

  /** A random valid header. */
  public static RtpHeader randomHeader(Random random) {
    int csrcCount = random.nextInt(3) == 0 ? random.nextInt(RtpHeader.MAX_CSRCS + 1) : 0;
    List<Long> csrcs = new ArrayList<>();
    for (int i = 0; i < csrcCount; i++) {
      csrcs.add(u32(random));
    }
    return new RtpHeader(
        random.nextBoolean(),
        random.nextInt(128),
        random.nextInt(65536),
        u32(random),
        u32(random),
        csrcs,
        randomExtension(random));
  }

  /** A random extension of a random form, or {@code null} (none) two times in five. */
  public static RtpHeaderExtension randomExtension(Random random) {
    int pick = random.nextInt(10);
    if (pick < 4) {
      return null;
    } else if (pick < 7) {
      return RtpHeaderExtension.oneByte(oneByteElements(random));
    } else if (pick < 9) {
      return RtpHeaderExtension.twoByte(
          random.nextInt(4) == 0 ? random.nextInt(16) : 0, twoByteElements(random));
    }
    return RtpHeaderExtension.generic(genericProfile(random), bytes(random, 4 * random.nextInt(6)));
  }

  private static List<RtpExtensionElement> oneByteElements(Random random) {
    List<Integer> ids = shuffledIds(random, RtpHeaderExtension.MAX_ONE_BYTE_ID);
    int count = random.nextInt(ids.size() + 1);
    List<RtpExtensionElement> elements = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      elements.add(
          new RtpExtensionElement(
              ids.get(i), bytes(random, 1 + random.nextInt(RtpHeaderExtension.MAX_ONE_BYTE_DATA_LENGTH))));
    }
    return elements;
  }

  private static List<RtpExtensionElement> twoByteElements(Random random) {
    List<Integer> ids = shuffledIds(random, RtpExtensionElement.MAX_ID);
    int count = random.nextInt(10) == 0 ? random.nextInt(60) : random.nextInt(6);
    List<RtpExtensionElement> elements = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int length = random.nextInt(8) == 0 ? random.nextInt(256) : random.nextInt(20);
      elements.add(new RtpExtensionElement(ids.get(i), bytes(random, length)));
    }
    return elements;
  }

  private static List<Integer> shuffledIds(Random random, int maxId) {
    List<Integer> ids = new ArrayList<>();
    for (int id = 1; id <= maxId; id++) {
      ids.add(id);
    }
    Collections.shuffle(ids, random);
    return ids;
  }

  /** A profile value that announces neither RFC 8285 form. */
  private static int genericProfile(Random random) {
    while (true) {
      int profile = random.nextInt(65536);
      if (profile != RtpHeaderExtension.ONE_BYTE_PROFILE && (profile & 0xFFF0) != 0x1000) {
        return profile;
      }
    }
  }

  private static int payloadLength(Random random) {
    int pick = random.nextInt(10);
    return pick == 0 ? 0 : pick < 8 ? random.nextInt(200) : random.nextInt(1400);
  }

  private static long u32(Random random) {
    return random.nextInt() & 0xFFFF_FFFFL;
  }

  private static byte[] bytes(Random random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }
}
