package org.ortc4j.rtcp.internal;

/**
 * Writes network-order fields into a byte array whose size the caller computed beforehand.
 *
 * <p>Encoders compute their exact length first and check the destination once, so this class
 * does no bounds checking of its own beyond the JVM's.
 */
public final class ByteWriter {
  private final byte[] buffer;
  private int position;

  /**
   * @param buffer the destination
   * @param offset where writing starts
   */
  public ByteWriter(byte[] buffer, int offset) {
    this.buffer = buffer;
    this.position = offset;
  }

  /** The absolute index of the next byte to be written. */
  public int position() {
    return position;
  }

  /** The destination array. */
  public byte[] buffer() {
    return buffer;
  }

  /** Writes the low 8 bits of {@code value}. */
  public ByteWriter u8(int value) {
    buffer[position++] = (byte) value;
    return this;
  }

  /** Writes the low 16 bits of {@code value}. */
  public ByteWriter u16(int value) {
    buffer[position++] = (byte) (value >>> 8);
    buffer[position++] = (byte) value;
    return this;
  }

  /** Writes the low 24 bits of {@code value}. */
  public ByteWriter u24(int value) {
    buffer[position++] = (byte) (value >>> 16);
    buffer[position++] = (byte) (value >>> 8);
    buffer[position++] = (byte) value;
    return this;
  }

  /** Writes the low 32 bits of {@code value}. */
  public ByteWriter u32(long value) {
    buffer[position++] = (byte) (value >>> 24);
    buffer[position++] = (byte) (value >>> 16);
    buffer[position++] = (byte) (value >>> 8);
    buffer[position++] = (byte) value;
    return this;
  }

  /** Writes all 64 bits of {@code value}. */
  public ByteWriter u64(long value) {
    u32(value >>> 32);
    return u32(value);
  }

  /** Copies {@code bytes} in. */
  public ByteWriter bytes(byte[] bytes) {
    System.arraycopy(bytes, 0, buffer, position, bytes.length);
    position += bytes.length;
    return this;
  }

  /** Writes {@code count} zero bytes. */
  public ByteWriter zeros(int count) {
    for (int i = 0; i < count; i++) {
      buffer[position++] = 0;
    }
    return this;
  }
}
