package org.ortc4j.srtp.internal;

/**
 * An open-addressing map from 32-bit SSRC to per-stream state, so that a lookup on the packet
 * path neither boxes nor allocates. Entries are never removed. Not thread-safe.
 *
 * @param <T> the state kept per SSRC
 */
public final class SsrcTable<T> {
  private int[] keys = new int[16];
  private Object[] values = new Object[16];
  private int size;

  /** The state of {@code ssrc}, or null. */
  @SuppressWarnings("unchecked")
  public T get(int ssrc) {
    int m = keys.length - 1;
    for (int i = mix(ssrc) & m; values[i] != null; i = (i + 1) & m) {
      if (keys[i] == ssrc) {
        return (T) values[i];
      }
    }
    return null;
  }

  /** Sets the state of {@code ssrc}, replacing any it had. */
  public void put(int ssrc, T value) {
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    if (insert(keys, values, ssrc, value)) {
      size++;
    }
  }

  /** Number of SSRCs in the table. */
  public int size() {
    return size;
  }

  private void grow() {
    int[] newKeys = new int[keys.length * 2];
    Object[] newValues = new Object[values.length * 2];
    for (int i = 0; i < keys.length; i++) {
      if (values[i] != null) {
        insert(newKeys, newValues, keys[i], values[i]);
      }
    }
    keys = newKeys;
    values = newValues;
  }

  private static boolean insert(int[] keys, Object[] values, int ssrc, Object value) {
    int m = keys.length - 1;
    int i = mix(ssrc) & m;
    while (values[i] != null && keys[i] != ssrc) {
      i = (i + 1) & m;
    }
    boolean added = values[i] == null;
    keys[i] = ssrc;
    values[i] = value;
    return added;
  }

  // SSRCs are random, but tests and some senders use small consecutive ones: spread them.
  private static int mix(int ssrc) {
    int h = ssrc * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
