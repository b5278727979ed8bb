package org.ortc4j.srtp.internal;

import java.util.OptionalLong;
import org.ortc4j.srtp.SrtpStatus;

/**
 * SRTCP packets of one direction: the index of each sender SSRC (the first packet gets 1, as
 * libsrtp), the E flag always set on output, and the replay window on input, checked before and
 * moved only after authentication.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3711#section-3.4">RFC 3711 §3.4</a>
 */
public final class RtcpSession extends PacketSession {
  private static final int FIRST_INDEX = 1;

  private final SsrcTable<RtcpStream> streams = new SsrcTable<>();
  private final int windowSize;

  /**
   * A session with {@code cipher}.
   *
   * @param windowSize the replay window of an inbound session, 0 for an outbound one
   */
  public RtcpSession(PacketCipher cipher, int maxStreams, int windowSize) {
    super(cipher, maxStreams);
    this.windowSize = windowSize;
  }

  @Override
  public int overhead() {
    return PacketCipher.RTCP_INDEX_LENGTH + cipher.tagLength();
  }

  @Override
  public SrtpStatus protect(byte[] buf, int off, int len, int room) {
    if (len < PacketCipher.RTCP_HEADER_LENGTH) {
      return count(SrtpStatus.TOO_SHORT);
    }
    if (!isVersion2(buf, off)) {
      return count(SrtpStatus.BAD_HEADER);
    }
    if (room < len + overhead()) {
      return count(SrtpStatus.BUFFER_TOO_SMALL);
    }
    int ssrc = Bytes.getInt(buf, off + 4);
    RtcpStream stream = streams.get(ssrc);
    long index = stream == null ? FIRST_INDEX : stream.nextIndex();
    if (index > RtcpStream.MAX_INDEX) {
      return count(SrtpStatus.KEY_LIMIT_REACHED);
    }
    if (stream == null && (stream = newStream(ssrc, index)) == null) {
      return count(SrtpStatus.STREAM_LIMIT);
    }
    cipher.protectRtcp(buf, off, len, ssrc, (int) index);
    stream.commit(index);
    return count(SrtpStatus.OK);
  }

  @Override
  public SrtpStatus unprotect(byte[] buf, int off, int len) {
    if (len < PacketCipher.RTCP_HEADER_LENGTH + overhead()) {
      return count(SrtpStatus.TOO_SHORT);
    }
    if (!isVersion2(buf, off)) {
      return count(SrtpStatus.BAD_HEADER);
    }
    int ssrc = Bytes.getInt(buf, off + 4);
    long index = Bytes.getInt(buf, off + cipher.rtcpIndexOffset(len)) & RtcpStream.MAX_INDEX;
    RtcpStream stream = streams.get(ssrc);
    if (stream != null) {
      SrtpStatus replay = stream.window().check(index);
      if (replay != SrtpStatus.OK) {
        return count(replay);
      }
    }
    if (!cipher.unprotectRtcp(buf, off, len, ssrc)) {
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

  /**
   * The highest SRTCP index protected or accepted for {@code ssrc}, if the stream exists.
   */
  public OptionalLong lastIndex(int ssrc) {
    RtcpStream stream = streams.get(ssrc);
    return stream == null ? OptionalLong.empty() : OptionalLong.of(stream.nextIndex() - 1);
  }

  /** Test hook: creates or replaces {@code ssrc}'s stream so the next outbound index is given. */
  public void seed(int ssrc, long nextIndex) {
    streams.put(ssrc, new RtcpStream(nextIndex, window()));
  }

  private RtcpStream newStream(int ssrc, long index) {
    if (streams.size() >= maxStreams) {
      return null;
    }
    RtcpStream stream = new RtcpStream(index, window());
    streams.put(ssrc, stream);
    return stream;
  }

  private ReplayWindow window() {
    return windowSize == 0 ? null : new ReplayWindow(windowSize);
  }

  private static boolean isVersion2(byte[] buf, int off) {
    return (buf[off] & 0xc0) == 0x80;
  }
}
