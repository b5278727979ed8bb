package org.ortc4j.srtp.internal;

import java.util.OptionalLong;
import org.ortc4j.srtp.SrtpStatus;

/**
 * SRTP packets of one direction.
 *
 * <p>Inbound order (as pion/srtp): parse the header, estimate the index from the stream's state,
 * check the replay window, authenticate and decrypt, and only then create the stream or move
 * its rollover counter and window. A forged packet changes nothing but a counter.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3711#section-3.3">RFC 3711 §3.3</a>
 */
public final class RtpSession extends PacketSession {
  private static final int FIXED_HEADER = 12;

  private final SsrcTable<RtpStream> streams = new SsrcTable<>();
  private final int windowSize;

  /**
   * A session with {@code cipher}.
   *
   * @param windowSize the replay window of an inbound session, 0 for an outbound one
   */
  public RtpSession(PacketCipher cipher, int maxStreams, int windowSize) {
    super(cipher, maxStreams);
    this.windowSize = windowSize;
  }

  @Override
  public int overhead() {
    return cipher.tagLength();
  }

  @Override
  public SrtpStatus protect(byte[] buf, int off, int len, int room) {
    if (len < FIXED_HEADER) {
      return count(SrtpStatus.TOO_SHORT);
    }
    int headerLength = headerLength(buf, off, len);
    if (headerLength < 0) {
      return count(SrtpStatus.BAD_HEADER);
    }
    if (room < len + overhead()) {
      return count(SrtpStatus.BUFFER_TOO_SMALL);
    }
    int ssrc = Bytes.getInt(buf, off + 8);
    RtpStream stream = streams.get(ssrc);
    long index = stream == null ? sequence(buf, off) : stream.estimate(sequence(buf, off));
    if (index > RtpStream.MAX_INDEX) {
      return count(SrtpStatus.KEY_LIMIT_REACHED);
    }
    if (stream == null && (stream = newStream(ssrc, index)) == null) {
      return count(SrtpStatus.STREAM_LIMIT);
    }
    cipher.protectRtp(buf, off, headerLength, len, ssrc, index);
    stream.commit(index);
    return count(SrtpStatus.OK);
  }

  @Override
  public SrtpStatus unprotect(byte[] buf, int off, int len) {
    if (len < FIXED_HEADER + overhead()) {
      return count(SrtpStatus.TOO_SHORT);
    }
    int headerLength = headerLength(buf, off, len - overhead());
    if (headerLength < 0) {
      return count(SrtpStatus.BAD_HEADER);
    }
    int ssrc = Bytes.getInt(buf, off + 8);
    RtpStream stream = streams.get(ssrc);
    long index = stream == null ? sequence(buf, off) : stream.estimate(sequence(buf, off));
    if (index > RtpStream.MAX_INDEX) {
      return count(SrtpStatus.KEY_LIMIT_REACHED);
    }
    if (stream != null) {
      SrtpStatus replay = stream.window().check(index);
      if (replay != SrtpStatus.OK) {
        return count(replay);
      }
    }
    if (!cipher.unprotectRtp(buf, off, headerLength, len, ssrc, index)) {
      return count(SrtpStatus.AUTH_FAILED);
    }
    if (stream == null && (stream = newStream(ssrc, index)) == null) {
      return count(SrtpStatus.STREAM_LIMIT);
    }
    stream.commit(index);
    return count(SrtpStatus.OK);
  }

  @Override
  public int streamCount() {
    return streams.size();
  }

  /** The rollover counter of {@code ssrc}'s highest packet so far, if the stream exists. */
  public OptionalLong rolloverCounter(int ssrc) {
    RtpStream stream = streams.get(ssrc);
    return stream == null ? OptionalLong.empty() : OptionalLong.of(stream.rolloverCounter());
  }

  /** Test hook: creates or replaces {@code ssrc}'s stream as if {@code highestIndex} was seen. */
  public void seed(int ssrc, long highestIndex) {
    RtpStream stream = new RtpStream(highestIndex, window());
    stream.commit(highestIndex);
    streams.put(ssrc, stream);
  }

  private RtpStream newStream(int ssrc, long index) {
    if (streams.size() >= maxStreams) {
      return null;
    }
    RtpStream stream = new RtpStream(index, window());
    streams.put(ssrc, stream);
    return stream;
  }

  private ReplayWindow window() {
    return windowSize == 0 ? null : new ReplayWindow(windowSize);
  }

  private static int sequence(byte[] buf, int off) {
    return Bytes.u16(buf, off + 2);
  }

  /**
   * The length of the RTP header (fixed part, CSRCs, extension) within {@code len} bytes, or -1
   * when the version is not 2 or the declared CSRCs or extension do not fit.
   *
   * @see <a href="https://www.rfc-editor.org/rfc/rfc3550#section-5.1">RFC 3550 §5.1</a>
   */
  static int headerLength(byte[] buf, int off, int len) {
    int first = buf[off] & 0xff;
    if ((first >>> 6) != 2) {
      return -1;
    }
    int length = FIXED_HEADER + 4 * (first & 0x0f);
    if ((first & 0x10) != 0) {
      if (length + 4 > len) {
        return -1;
      }
      length += 4 + 4 * Bytes.u16(buf, off + length + 2);
    }
    return length <= len ? length : -1;
  }
}
