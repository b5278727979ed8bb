package org.ortc4j.rtcp.internal;

import org.ortc4j.rtcp.RtcpParseException;
import org.ortc4j.rtcp.RtcpParseException.Reason;

/**
 * A bounded, forward-only view of a byte range, for decoders.
 *
 * <p>Every read checks the bytes it needs against the view's end first and throws
 * {@link RtcpParseException} ({@link Reason#TOO_SHORT}) when they are not there, so a decoder
 * built on it cannot index out of bounds, whatever the input. Multi-byte values are network
 * order (big-endian); unsigned 32-bit values come back as non-negative {@code long}s.
 */
public final class ByteReader {
  private final byte[] buffer;
  private final int end;
  private final String what;
  private int position;

  /**
   * @param buffer the bytes
   * @param offset where the view starts
   * @param length how many bytes it holds
   * @param what what is being read, for error messages (e.g. "PLI")
   * @throws IllegalArgumentException if the range is not inside the buffer
   */
  public ByteReader(byte[] buffer, int offset, int length, String what) {
    checkRange(buffer, offset, length);
    this.buffer = buffer;
    this.position = offset;
    this.end = offset + length;
    this.what = what;
  }

  /**
   * Checks that {@code [offset, offset + length)} lies inside {@code buffer}.
   *
   * @throws IllegalArgumentException with the numbers, if it does not
   */
  public static void checkRange(byte[] buffer, int offset, int length) {
    if (buffer == null) {
      throw new IllegalArgumentException("buffer is null");
    }
    if (offset < 0 || length < 0 || offset > buffer.length - length) {
      throw new IllegalArgumentException(
          "range [" + offset + ", +" + length + ") is outside a buffer of " + buffer.length);
    }
  }

  /** Bytes left in the view. */
  public int remaining() {
    return end - position;
  }

  /** The absolute index of the next byte in the underlying buffer. */
  public int position() {
    return position;
  }

  /** The underlying buffer (for decoders that hand a range on without copying). */
  public byte[] buffer() {
    return buffer;
  }

  /** What is being read, as given at construction. */
  public String what() {
    return what;
  }

  /**
   * Fails with {@link Reason#TOO_SHORT} unless {@code count} more bytes are left.
   *
   * @param field the field or item about to be read, for the message
   */
  public void need(int count, String field) throws RtcpParseException {
    if (count < 0 || count > remaining()) {
      throw new RtcpParseException(
          Reason.TOO_SHORT,
          what + ": " + field + " needs " + count + " bytes, " + remaining() + " left");
    }
  }

  /** Fails with {@link Reason#BAD_LENGTH} if any byte is left unread. */
  public void expectEnd() throws RtcpParseException {
    if (remaining() != 0) {
      throw new RtcpParseException(
          Reason.BAD_LENGTH, what + ": " + remaining() + " unexpected bytes after the content");
    }
  }

  /** Reads an unsigned byte. */
  public int u8() throws RtcpParseException {
    need(1, "a byte");
    return buffer[position++] & 0xff;
  }

  /** Reads an unsigned 16-bit value. */
  public int u16() throws RtcpParseException {
    need(2, "a 16-bit field");
    int value = ((buffer[position] & 0xff) << 8) | (buffer[position + 1] & 0xff);
    position += 2;
    return value;
  }

  /** Reads an unsigned 24-bit value. */
  public int u24() throws RtcpParseException {
    need(3, "a 24-bit field");
    int value =
        ((buffer[position] & 0xff) << 16)
            | ((buffer[position + 1] & 0xff) << 8)
            | (buffer[position + 2] & 0xff);
    position += 3;
    return value;
  }

  /** Reads an unsigned 32-bit value. */
  public long u32() throws RtcpParseException {
    need(4, "a 32-bit field");
    long value =
        ((long) (buffer[position] & 0xff) << 24)
            | ((buffer[position + 1] & 0xff) << 16)
            | ((buffer[position + 2] & 0xff) << 8)
            | (buffer[position + 3] & 0xff);
    position += 4;
    return value;
  }

  /** Reads a 64-bit value (e.g. an NTP timestamp), as its raw bits. */
  public long u64() throws RtcpParseException {
    need(8, "a 64-bit field");
    long high = u32();
    return (high << 32) | u32();
  }

  /** Copies the next {@code count} bytes out. */
  public byte[] bytes(int count) throws RtcpParseException {
    need(count, "a byte string");
    byte[] copy = new byte[count];
    System.arraycopy(buffer, position, copy, 0, count);
    position += count;
    return copy;
  }

  /** Skips {@code count} bytes. */
  public void skip(int count) throws RtcpParseException {
    need(count, "skipped bytes");
    position += count;
  }

  /**
   * Returns a view of the next {@code count} bytes and moves past them, so that a decoder of a
   * nested structure cannot read beyond its declared length.
   */
  public ByteReader slice(int count, String nestedWhat) throws RtcpParseException {
    need(count, nestedWhat);
    ByteReader nested = new ByteReader(buffer, position, count, what + " " + nestedWhat);
    position += count;
    return nested;
  }

  /** A parse exception with this view's context in the message. */
  public RtcpParseException error(Reason reason, String message) {
    return new RtcpParseException(reason, what + ": " + message);
  }
}
