package org.ortc4j.rtcp.internal;

import java.util.List;

/**
 * Range checks for the constructors of packet values, so that a packet that exists can always be
 * serialized. Each throws {@link IllegalArgumentException} naming the field.
 */
public final class FieldChecks {
  private FieldChecks() {}

  /** Requires {@code 0 <= value < 2^bits}. */
  public static long unsigned(long value, int bits, String field) {
    if (value < 0 || (bits < 64 && value >>> bits != 0)) {
      throw new IllegalArgumentException(
          field + " must be an unsigned " + bits + "-bit value, was " + value);
    }
    return value;
  }

  /** Requires an unsigned 32-bit value (SSRCs, NTP words, RTP timestamps, counters). */
  public static long u32(long value, String field) {
    return unsigned(value, 32, field);
  }

  /** Requires an unsigned 16-bit value. */
  public static int u16(int value, String field) {
    return (int) unsigned(value, 16, field);
  }

  /** Requires an unsigned 8-bit value. */
  public static int u8(int value, String field) {
    return (int) unsigned(value, 8, field);
  }

  /** Requires {@code min <= value <= max}. */
  public static int range(int value, int min, int max, String field) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          field + " must be in [" + min + ", " + max + "], was " + value);
    }
    return value;
  }

  /** A padding length: 0 (none) or 1..255 bytes, the count byte included. */
  public static int padding(int padding) {
    return range(padding, 0, 255, "padding");
  }

  /** An immutable copy of {@code list}, which may hold at most {@code max} elements. */
  public static <T> List<T> list(List<T> list, int max, String field) {
    List<T> copy = List.copyOf(list);
    if (copy.size() > max) {
      throw new IllegalArgumentException(
          field + " holds at most " + max + " entries, was " + copy.size());
    }
    return copy;
  }

  /** A copy of {@code bytes}, which may hold at most {@code max} bytes. */
  public static byte[] bytes(byte[] bytes, int max, String field) {
    if (bytes == null) {
      throw new IllegalArgumentException(field + " is null");
    }
    if (bytes.length > max) {
      throw new IllegalArgumentException(
          field + " holds at most " + max + " bytes, was " + bytes.length);
    }
    return bytes.clone();
  }
}
