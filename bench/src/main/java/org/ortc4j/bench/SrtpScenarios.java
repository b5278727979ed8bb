package org.ortc4j.bench;

import java.util.Arrays;
import java.util.HexFormat;
import org.ortc4j.srtp.SrtpProfile;

/**
 * The inputs of {@link SrtpBenchmark}: the master keys and the RTP packets every implementation
 * protects and unprotects. Packets are laid out like the libsrtp vectors of {@code
 * /work/shared/vectors/srtp} (12-byte header, no CSRC or extension, PT 111, SSRC 0x11223344,
 * payload byte i = (seq + i) & 0xff; only the timestamps differ), so that the same code checks
 * the vectors and the benchmark's packets.
 */
final class SrtpScenarios {
  private SrtpScenarios() {}

  static final int SSRC = 0x1122_3344;
  static final int PAYLOAD_TYPE = 111;
  static final int HEADER_LENGTH = 12;

  /** Packets per invocation of a benchmark method, each with its own sequence number. */
  static final int RING = 1024;

  /**
   * The first packet's sequence number in an unprotect ring: 512 packets before the wrap, so that
   * every ring crosses 65535 -> 0 and the receiver's rollover counter estimate moves.
   */
  static final int RING_FIRST_SEQUENCE = 65_536 - RING / 2;

  /** Room after each packet in a ring: the largest tag of the profiles benchmarked. */
  static final int MAX_OVERHEAD = 16;

  /** Master key || master salt of the libsrtp vectors (keys.txt), for each profile measured. */
  static byte[] masterKeyAndSalt(SrtpProfile profile) {
    byte[] keyAndSalt = new byte[profile.keyLength() + profile.saltLength()];
    for (int i = 0; i < keyAndSalt.length; i++) {
      keyAndSalt[i] = (byte) i;
    }
    return keyAndSalt;
  }

  static byte[] masterKey(SrtpProfile profile) {
    return Arrays.copyOf(masterKeyAndSalt(profile), profile.keyLength());
  }

  static byte[] masterSalt(SrtpProfile profile) {
    byte[] keyAndSalt = masterKeyAndSalt(profile);
    return Arrays.copyOfRange(keyAndSalt, profile.keyLength(), keyAndSalt.length);
  }

  /**
   * Writes an RTP packet with {@code payloadLength} bytes of payload at {@code offset}; returns
   * its length. Marker bit set when {@code marker}; timestamp advances by 960 per sequence number.
   */
  static int writeRtp(byte[] into, int offset, int sequence, boolean marker, int payloadLength) {
    into[offset] = (byte) 0x80;
    into[offset + 1] = (byte) ((marker ? 0x80 : 0) | PAYLOAD_TYPE);
    writeSequence(into, offset, sequence);
    writeInt(into, offset + 4, sequence * 960);
    writeInt(into, offset + 8, SSRC);
    for (int i = 0; i < payloadLength; i++) {
      into[offset + HEADER_LENGTH + i] = (byte) (sequence + i);
    }
    return HEADER_LENGTH + payloadLength;
  }

  static byte[] rtp(int sequence, boolean marker, int payloadLength) {
    byte[] packet = new byte[HEADER_LENGTH + payloadLength];
    writeRtp(packet, 0, sequence, marker, payloadLength);
    return packet;
  }

  static void writeSequence(byte[] packet, int offset, int sequence) {
    packet[offset + 2] = (byte) (sequence >>> 8);
    packet[offset + 3] = (byte) sequence;
  }

  static int readSequence(byte[] packet, int offset) {
    return (packet[offset + 2] & 0xff) << 8 | packet[offset + 3] & 0xff;
  }

  static void writeInt(byte[] into, int offset, int value) {
    into[offset] = (byte) (value >>> 24);
    into[offset + 1] = (byte) (value >>> 16);
    into[offset + 2] = (byte) (value >>> 8);
    into[offset + 3] = (byte) value;
  }

  static String hex(byte[] bytes, int offset, int length) {
    return HexFormat.of().formatHex(bytes, offset, offset + length);
  }
}
