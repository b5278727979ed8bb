package org.ortc4j.srtp.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Big-endian field access and word-wide XOR over byte arrays, without allocation. */
public final class Bytes {
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

  private Bytes() {}

  /** The unsigned 16-bit value at {@code offset}. */
  public static int u16(byte[] buffer, int offset) {
    return ((buffer[offset] & 0xff) << 8) | (buffer[offset + 1] & 0xff);
  }

  /** The 32-bit value at {@code offset}. */
  public static int getInt(byte[] buffer, int offset) {
    return (int) INT.get(buffer, offset);
  }

  /** Writes a 32-bit value at {@code offset}. */
  public static void putInt(byte[] buffer, int offset, int value) {
    INT.set(buffer, offset, value);
  }

  /** The 64-bit value at {@code offset}. */
  public static long getLong(byte[] buffer, int offset) {
    return (long) LONG.get(buffer, offset);
  }

  /** Writes a 64-bit value at {@code offset}. */
  public static void putLong(byte[] buffer, int offset, long value) {
    LONG.set(buffer, offset, value);
  }

  /** {@code target[targetOffset + i] ^= source[sourceOffset + i]} for {@code i < length}. */
  public static void xor(byte[] target, int targetOffset, byte[] source, int sourceOffset,
      int length) {
    int i = 0;
    for (; i + 8 <= length; i += 8) {
      long word = (long) LONG.get(target, targetOffset + i)
          ^ (long) LONG.get(source, sourceOffset + i);
      LONG.set(target, targetOffset + i, word);
    }
    for (; i < length; i++) {
      target[targetOffset + i] ^= source[sourceOffset + i];
    }
  }

  /**
   * Compares two ranges in time that depends only on {@code length}, so a forger learns nothing
   * from how long a tag comparison took.
   */
  public static boolean constantTimeEquals(byte[] a, int aOffset, byte[] b, int bOffset,
      int length) {
    int difference = 0;
    for (int i = 0; i < length; i++) {
      difference |= a[aOffset + i] ^ b[bOffset + i];
    }
    return difference == 0;
  }
}
