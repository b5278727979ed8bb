package org.ortc4j.srtp;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random but well-formed RTP and RTCP packets from a seeded {@link Random}: CSRCs, one- and
 * two-byte header extensions, padding, payloads of 0 to 1400 bytes, sequence numbers that start
 * near the wrap and advance with gaps, several SSRCs interleaved.
 */
final class RandomPackets {
  private final Random random;

  RandomPackets(long seed) {
    this.random = new Random(seed);
  }

  Random random() {
    return random;
  }

  byte[] bytes(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  /** {@code count} RTP packets of {@code streams} SSRCs, each stream crossing the 65535 wrap. */
  List<byte[]> rtpStream(int count, int streams) {
    long[] ssrcs = new long[streams];
    int[] seqs = new int[streams];
    for (int s = 0; s < streams; s++) {
      ssrcs[s] = random.nextInt() & 0xffffffffL;
      seqs[s] = 65535 - random.nextInt(Math.max(1, count / streams / 2));
    }
    List<byte[]> packets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int s = random.nextInt(streams);
      packets.add(rtp(ssrcs[s], seqs[s] & 0xffff));
      seqs[s] += random.nextInt(10) == 0 ? 1 + random.nextInt(50) : 1;
    }
    return packets;
  }

  /** One RTP packet with random optional parts. */
  byte[] rtp(long ssrc, int seq) {
    int csrcs = random.nextInt(4) == 0 ? random.nextInt(16) : 0;
    byte[] extension = random.nextBoolean() ? extension() : null;
    int padding = random.nextInt(5) == 0 ? 1 + random.nextInt(255) : 0;
    int payload = random.nextInt(1401);
    ByteBuffer out = ByteBuffer.allocate(12 + 4 * csrcs
        + (extension == null ? 0 : extension.length) + payload + padding);
    out.put((byte) (0x80 | (padding > 0 ? 0x20 : 0) | (extension != null ? 0x10 : 0) | csrcs));
    out.put((byte) random.nextInt(256));
    out.putShort((short) seq);
    out.putInt(random.nextInt());
    out.putInt((int) ssrc);
    for (int i = 0; i < csrcs; i++) {
      out.putInt(random.nextInt());
    }
    if (extension != null) {
      out.put(extension);
    }
    out.put(bytes(payload));
    if (padding > 0) {
      out.put(new byte[padding - 1]).put((byte) padding);
    }
    return out.array();
  }

  private byte[] extension() {
    int words = random.nextInt(5);
    ByteBuffer ext = ByteBuffer.allocate(4 + 4 * words);
    ext.putShort((short) (random.nextBoolean() ? 0xBEDE : 0x1000)); // one- or two-byte form
    ext.putShort((short) words);
    ext.put(bytes(4 * words));
    return ext.array();
  }

  /** An RTCP compound-like packet: a valid first header and a random body. */
  byte[] rtcp(long ssrc) {
    int words = 1 + random.nextInt(60);
    ByteBuffer out = ByteBuffer.allocate(4 + 4 * words);
    out.put((byte) 0x80).put((byte) (200 + random.nextInt(7))).putShort((short) words);
    out.putInt((int) ssrc);
    out.put(bytes(4 * words - 4));
    return out.array();
  }

  /** {@code count} RTCP packets spread over {@code streams} SSRCs. */
  List<byte[]> rtcpStream(int count, int streams) {
    long[] ssrcs = new long[streams];
    for (int s = 0; s < streams; s++) {
      ssrcs[s] = random.nextInt() & 0xffffffffL;
    }
    List<byte[]> packets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      packets.add(rtcp(ssrcs[random.nextInt(streams)]));
    }
    return packets;
  }
}
