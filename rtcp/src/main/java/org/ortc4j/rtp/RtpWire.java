package org.ortc4j.rtp;

import org.ortc4j.rtp.RtpParseException.Reason;

/**
 * The checks and field access every RTP type here shares, written once so that {@link
 * RtpPacket#parse(byte[], int, int)} and {@link RtpPacketView#validate(byte[], int, int)} can
 * never disagree about which bytes are a packet.
 *
 * <p>Checks return a length (zero or more) on success and one of the negative failure codes
 * below otherwise: the view's hot path reports problems without allocating, and the parsers turn
 * the same codes into {@link RtpParseException}s.
 */
final class RtpWire {
  static final int FIXED_HEADER_LENGTH = 12;
  static final int VERSION = 2;
  static final int ONE_BYTE_PROFILE = 0xBEDE;
  static final int TWO_BYTE_PROFILE = 0x1000;

  static final int SHORTER_THAN_FIXED_HEADER = -1;
  static final int NOT_VERSION_2 = -2;
  static final int CSRCS_PAST_END = -3;
  static final int EXTENSION_HEADER_PAST_END = -4;
  static final int EXTENSION_PAST_END = -5;
  static final int ELEMENT_PAST_END = -6;
  static final int DUPLICATE_ELEMENT = -7;
  static final int ZERO_PADDING_COUNT = -8;
  static final int PADDING_PAST_HEADER = -9;

  private RtpWire() {}

  /** Receives the elements {@link #walkElements} finds. */
  interface ElementSink {
    void element(int id, int dataOffset, int dataLength);
  }

  /** The reason a failure code stands for. */
  static Reason reason(int code) {
    return switch (code) {
      case SHORTER_THAN_FIXED_HEADER -> Reason.TOO_SHORT;
      case NOT_VERSION_2 -> Reason.BAD_VERSION;
      case CSRCS_PAST_END -> Reason.BAD_CSRC_COUNT;
      case EXTENSION_HEADER_PAST_END, EXTENSION_PAST_END, ELEMENT_PAST_END, DUPLICATE_ELEMENT ->
          Reason.BAD_EXTENSION;
      case ZERO_PADDING_COUNT, PADDING_PAST_HEADER -> Reason.BAD_PADDING;
      default -> throw new IllegalArgumentException("not a failure code: " + code);
    };
  }

  /** A failure code in words. */
  static String describe(int code) {
    return switch (code) {
      case SHORTER_THAN_FIXED_HEADER -> "shorter than the 12-byte fixed header";
      case NOT_VERSION_2 -> "the version is not 2";
      case CSRCS_PAST_END -> "the CSRC list runs past the end";
      case EXTENSION_HEADER_PAST_END -> "the X bit is set but the extension header runs past the end";
      case EXTENSION_PAST_END -> "the header extension's length runs past the end";
      case ELEMENT_PAST_END -> "an extension element runs past the end of the extension";
      case DUPLICATE_ELEMENT -> "two extension elements share an id";
      case ZERO_PADDING_COUNT -> "the P bit is set but the padding count is 0";
      case PADDING_PAST_HEADER -> "the padding count is larger than the bytes after the header";
      default -> throw new IllegalArgumentException("not a failure code: " + code);
    };
  }

  /** The exception a failure code becomes in the parsers. */
  static RtpParseException failure(int code, String context) {
    return new RtpParseException(reason(code), describe(code) + " (" + context + ")");
  }

  /**
   * Requires {@code [offset, offset + length)} inside {@code buffer}: a range outside it is the
   * caller's mistake, not malformed input.
   */
  static void checkRange(byte[] buffer, int offset, int length) {
    if (buffer == null) {
      throw new IllegalArgumentException("buffer is null");
    }
    if (offset < 0 || length < 0 || offset > buffer.length - length) {
      throw new IllegalArgumentException(
          "range [" + offset + ", +" + length + ") is outside a buffer of " + buffer.length);
    }
  }

  /** The whole check {@link RtpPacket#parse} makes: the header length, or a failure code. */
  static int validate(byte[] buffer, int offset, int length) {
    int headerLength = headerLength(buffer, offset, length);
    if (headerLength < 0) {
      return headerLength;
    }
    int elements = checkElements(buffer, offset, headerLength);
    if (elements < 0) {
      return elements;
    }
    int padding = paddingLength(buffer, offset, length, headerLength);
    return padding < 0 ? padding : headerLength;
  }

  /** Like {@link #validate} but without walking the RFC 8285 extension elements. */
  static int validateFraming(byte[] buffer, int offset, int length) {
    int headerLength = headerLength(buffer, offset, length);
    if (headerLength < 0) {
      return headerLength;
    }
    int padding = paddingLength(buffer, offset, length, headerLength);
    return padding < 0 ? padding : headerLength;
  }

  /**
   * The length of the header at {@code offset} (fixed part, CSRCs and extension), or a failure
   * code if it does not fit in {@code length} bytes or is not version 2.
   */
  static int headerLength(byte[] buffer, int offset, int length) {
    if (length < FIXED_HEADER_LENGTH) {
      return SHORTER_THAN_FIXED_HEADER;
    }
    int first = buffer[offset] & 0xFF;
    if (first >>> 6 != VERSION) {
      return NOT_VERSION_2;
    }
    int end = FIXED_HEADER_LENGTH + 4 * (first & 0x0F);
    if (end > length) {
      return CSRCS_PAST_END;
    }
    if ((first & 0x10) == 0) {
      return end;
    }
    if (end + 4 > length) {
      return EXTENSION_HEADER_PAST_END;
    }
    end += 4 + 4 * u16(buffer, offset + end + 2);
    return end > length ? EXTENSION_PAST_END : end;
  }

  /** Where the extension header starts (absolute), given the first byte is in range. */
  static int extensionStart(byte[] buffer, int offset) {
    return offset + FIXED_HEADER_LENGTH + 4 * (buffer[offset] & 0x0F);
  }

  /**
   * Walks the elements of an RFC 8285 extension in a header whose length {@link #headerLength}
   * accepted: 0 if they are well formed (or the extension is absent or generic), else a failure
   * code.
   */
  static int checkElements(byte[] buffer, int offset, int headerLength) {
    if ((buffer[offset] & 0x10) == 0) {
      return 0;
    }
    int start = extensionStart(buffer, offset);
    int profile = u16(buffer, start);
    if (!isRfc8285(profile)) {
      return 0;
    }
    return walkElements(
        buffer, start + 4, offset + headerLength, profile == ONE_BYTE_PROFILE, null);
  }

  /**
   * The length of the RTP padding (0 when the P bit is clear), or a failure code when the count
   * byte is zero or claims more than the bytes after the header.
   */
  static int paddingLength(byte[] buffer, int offset, int length, int headerLength) {
    if ((buffer[offset] & 0x20) == 0) {
      return 0;
    }
    int count = buffer[offset + length - 1] & 0xFF;
    if (count == 0) {
      return ZERO_PADDING_COUNT;
    }
    return count > length - headerLength ? PADDING_PAST_HEADER : count;
  }

  /** Whether a profile field announces an RFC 8285 one- or two-byte extension. */
  static boolean isRfc8285(int profile) {
    return profile == ONE_BYTE_PROFILE || (profile & 0xFFF0) == TWO_BYTE_PROFILE;
  }

  /**
   * Walks RFC 8285 elements in {@code buffer[from, to)}, handing each to {@code sink} (may be
   * null), and returns 0 or a failure code.
   *
   * <p>Zero bytes are padding and skipped. In the one-byte form, id 15 ends processing (RFC 8285
   * §4.2), and so does a non-zero byte with id 0, which is neither padding nor an element: the
   * bytes after either are ignored, as libwebrtc does. An element whose length runs past {@code
   * to}, or whose id an earlier element already used, is a failure.
   */
  static int walkElements(byte[] buffer, int from, int to, boolean oneByte, ElementSink sink) {
    return oneByte ? walkOneByte(buffer, from, to, sink) : walkTwoByte(buffer, from, to, sink);
  }

  private static int walkOneByte(byte[] buffer, int from, int to, ElementSink sink) {
    int seen = 0;
    int position = from;
    while (position < to) {
      int first = buffer[position] & 0xFF;
      int id = first >>> 4;
      if (first == 0) {
        position++;
        continue;
      }
      if (id == 0 || id == 15) {
        return 0;
      }
      int dataLength = (first & 0x0F) + 1;
      if (dataLength > to - position - 1) {
        return ELEMENT_PAST_END;
      }
      if ((seen & 1 << id) != 0) {
        return DUPLICATE_ELEMENT;
      }
      seen |= 1 << id;
      if (sink != null) {
        sink.element(id, position + 1, dataLength);
      }
      position += 1 + dataLength;
    }
    return 0;
  }

  private static int walkTwoByte(byte[] buffer, int from, int to, ElementSink sink) {
    // ids are 1..255: four 64-bit words remember which were seen, without allocating
    long seen0 = 0;
    long seen1 = 0;
    long seen2 = 0;
    long seen3 = 0;
    int position = from;
    while (position < to) {
      int id = buffer[position] & 0xFF;
      if (id == 0) {
        position++;
        continue;
      }
      if (to - position < 2 || (buffer[position + 1] & 0xFF) > to - position - 2) {
        return ELEMENT_PAST_END;
      }
      int dataLength = buffer[position + 1] & 0xFF;
      long bit = 1L << id; // the shift distance is taken modulo 64
      int word = id >>> 6;
      long seen = word == 0 ? seen0 : word == 1 ? seen1 : word == 2 ? seen2 : seen3;
      if ((seen & bit) != 0) {
        return DUPLICATE_ELEMENT;
      }
      switch (word) {
        case 0 -> seen0 |= bit;
        case 1 -> seen1 |= bit;
        case 2 -> seen2 |= bit;
        default -> seen3 |= bit;
      }
      if (sink != null) {
        sink.element(id, position + 2, dataLength);
      }
      position += 2 + dataLength;
    }
    return 0;
  }

  static int u16(byte[] buffer, int index) {
    return (buffer[index] & 0xFF) << 8 | (buffer[index + 1] & 0xFF);
  }

  static long u32(byte[] buffer, int index) {
    return ((long) u16(buffer, index) << 16) | u16(buffer, index + 2);
  }

  static void putU16(byte[] buffer, int index, int value) {
    buffer[index] = (byte) (value >>> 8);
    buffer[index + 1] = (byte) value;
  }

  static void putU32(byte[] buffer, int index, long value) {
    putU16(buffer, index, (int) (value >>> 16));
    putU16(buffer, index + 2, (int) value);
  }
}
