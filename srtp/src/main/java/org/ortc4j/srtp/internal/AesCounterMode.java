package org.ortc4j.srtp.internal;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES in counter mode as RFC 3711 §4.1.1 uses it (the 128-bit counter starts at an IV and is
 * incremented once per 16-byte block), built on the JDK's AES/ECB so that moving to a new IV
 * costs no {@code Cipher.init} and allocates nothing.
 *
 * <p>Counter blocks are laid out in a reused buffer, encrypted in one ECB call (AES-NI through
 * the JDK's intrinsic) and XORed into the data. The buffers grow on first use to the largest
 * length seen (at most 2 KB each), so a generator used only for a few bytes stays small. Not
 * thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3711#section-4.1.1">RFC 3711 §4.1.1</a>
 */
public final class AesCounterMode {
  private static final int CHUNK = 2048;
  private static final int MIN_BUFFER = 32;

  private final Cipher ecb;
  private byte[] counters = new byte[0];
  private byte[] keystream = new byte[0];

  /** A keystream generator for an AES key of 16, 24 or 32 bytes. */
  public AesCounterMode(byte[] key) {
    try {
      ecb = Cipher.getInstance("AES/ECB/NoPadding");
      ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no usable AES/ECB/NoPadding", e);
    }
  }

  /**
   * XORs the keystream that starts at the counter block {@code ivHigh || ivLow} into {@code
   * data[offset, offset + length)}.
   */
  public void apply(long ivHigh, long ivLow, byte[] data, int offset, int length) {
    reserve(Math.min(length, CHUNK));
    long block = 0;
    while (length > 0) {
      int bytes = Math.min(length, CHUNK);
      int blocks = (bytes + 15) >>> 4;
      fillCounters(ivHigh, ivLow, block, blocks);
      encryptCounters(blocks << 4);
      xorKeystream(data, offset, bytes);
      offset += bytes;
      length -= bytes;
      block += blocks;
    }
  }

  /** {@link #apply(long, long, byte[], int, int)} with the IV given as 16 bytes. */
  public void apply(byte[] iv, byte[] data, int offset, int length) {
    apply(Bytes.getLong(iv, 0), Bytes.getLong(iv, 8), data, offset, length);
  }

  // Powers of two, so a stream of growing packets reallocates a handful of times at most.
  private void reserve(int bytes) {
    if (keystream.length < bytes) {
      int size = Math.min(CHUNK, Math.max(MIN_BUFFER, Integer.highestOneBit(bytes - 1) << 1));
      counters = new byte[size];
      keystream = new byte[size];
    }
  }

  private void fillCounters(long ivHigh, long ivLow, long first, int blocks) {
    byte[] out = counters;
    for (int i = 0; i < blocks; i++) {
      long low = ivLow + first + i;
      long high = Long.compareUnsigned(low, ivLow) < 0 ? ivHigh + 1 : ivHigh;
      Bytes.putLong(out, i << 4, high);
      Bytes.putLong(out, (i << 4) + 8, low);
    }
  }

  private void encryptCounters(int bytes) {
    try {
      ecb.update(counters, 0, bytes, keystream, 0);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/ECB refused a whole number of blocks", e);
    }
  }

  // C2 vectorises a byte XOR loop only when both arrays are indexed alike, so the data is moved
  // to offset 0 of the counters array (free once encrypted), XORed there and moved back; both
  // copies are intrinsics. Measured at 1200 B: about 80 ns, against 300 for a word-wide XOR at
  // the data's own offset.
  private void xorKeystream(byte[] data, int offset, int bytes) {
    byte[] work = counters;
    byte[] key = keystream;
    System.arraycopy(data, offset, work, 0, bytes);
    for (int i = 0; i < bytes; i++) {
      work[i] ^= key[i];
    }
    System.arraycopy(work, 0, data, offset, bytes);
  }
}
